package i18n

// GlossaryTerm is one term of the lesson's glossary. Key is the same in
// every language: the entry's anchor (#t-key) and, in package view, the
// page and state where the term can be tried.
type GlossaryTerm struct {
	Key        string
	Term       string
	Definition string
}

// The glossary follows the lesson's own terms (its wording in Russian).
var ruGlossary = []GlossaryTerm{
	{"network", "Нейронная сеть", "Модель из простых вычислительных элементов — нейронов, соединённых слоями; обучение подбирает их веса так, чтобы сеть решала задачу."},
	{"neuron", "Нейрон", "Считает взвешенную сумму входов z = w·x + b и пропускает её через функцию активации: выход f(z)."},
	{"weight", "Вес", "Число, на которое нейрон умножает свой вход: чем больше |w|, тем сильнее вход влияет на выход; знак говорит, «за» он или «против»."},
	{"bias", "Смещение", "Число b, которое нейрон прибавляет к взвешенной сумме: сдвигает порог, после которого нейрон «включается»."},
	{"activation", "Функция активации", "Нелинейная функция f, которую нейрон применяет к сумме z; без неё многослойная сеть свелась бы к одному линейному преобразованию."},
	{"sigmoid", "Сигмоида", "Функция активации σ(z) = 1 / (1 + e⁻ᶻ): сжимает любое число в интервал (0, 1), её производная σ′ = σ(1 − σ)."},
	{"input-layer", "Входной слой", "Первый слой сети: принимает данные как есть — признаки точки или пиксели изображения — и ничего не вычисляет."},
	{"hidden-layer", "Скрытый слой", "Слой между входным и выходным: его нейроны строят новые признаки из признаков предыдущего слоя."},
	{"output-layer", "Выходной слой", "Последний слой: его нейроны дают ответ сети — например, вероятность класса или число."},
	{"fully-connected", "Полносвязный слой", "Слой, в котором каждый нейрон соединён с каждым выходом предыдущего слоя."},
	{"loss", "Функция потерь", "Число, которое показывает, насколько ответы сети отличаются от правильных (например, квадрат разности или перекрёстная энтропия); обучение его уменьшает."},
	{"gradient-descent", "Градиентный спуск", "Способ обучения: каждый вес сдвигается на небольшой шаг против производной функции потерь по этому весу; размер шага — скорость обучения."},
	{"backprop", "Обратное распространение ошибки", "Алгоритм, который считает производные функции потерь по всем весам сети — от выходного слоя назад к входному, по правилу производной сложной функции."},
	{"epoch", "Эпоха", "Один проход обучения по всем обучающим примерам."},
	{"overfitting", "Переобучение", "Сеть запомнила обучающие примеры вместо закономерности: на них потери малы, а на новых данных (тестовых) растут."},
	{"regularization", "Регуляризация", "Штраф за большие веса (L1 — сумма |w|, L2 — сумма w²), добавляемый к функции потерь, чтобы сеть меньше переобучалась."},
	{"supervised", "Обучение с учителем и без учителя", "С учителем — на примерах с правильными ответами (метками), как сеть на точках двух цветов; без учителя — без меток, сеть сама ищет структуру (например, автоэнкодер)."},
	{"feature", "Признак и карта признаков", "Признак — число, описывающее вход (координата точки, наличие края); карта признаков — таблица откликов одного фильтра во всех местах изображения."},
	{"kernel", "Ядро (фильтр)", "Маленькая таблица весов, которая скользит по изображению; в каждом положении сумма произведений даёт одно число карты признаков."},
	{"stride", "Шаг (stride)", "На сколько пикселей сдвигается фильтр за один раз: при шаге 2 карта признаков вдвое меньше по каждой стороне."},
	{"padding", "Дополнение нулями (padding)", "Нули вокруг изображения, чтобы фильтр мог встать и на край; с дополнением same карта сохраняет размер изображения."},
	{"pooling", "Слой объединения (пулинг)", "Уменьшает карту признаков, оставляя из каждого окна максимум или среднее: меньше вычислений и устойчивость к сдвигам."},
	{"normalization", "Нормализация", "Приведение значений к одному масштабу — входов или выходов слоя (batch normalization): обучение идёт быстрее и устойчивее."},
	{"dropout", "Слой отсева (dropout)", "Во время обучения случайно отключает часть нейронов, чтобы сеть не запоминала обучающие примеры и меньше переобучалась."},
	{"softmax", "Softmax", "Превращает выходы последнего слоя в вероятности классов: eᶻᵏ делится на сумму eᶻʲ по всем классам, вместе они дают 1."},
	{"cnn", "Свёрточная нейронная сеть (CNN)", "Сеть для изображений: свёртка → активация → пулинг несколько раз, затем полносвязные слои; один фильтр ищет свой узор во всём изображении."},
	{"rnn", "Рекуррентная нейронная сеть (RNN)", "Сеть для последовательностей — текста, звука, временных рядов: читает элементы по одному и хранит состояние — память о прочитанном."},
	{"lstm", "LSTM", "Рекуррентная сеть с «долгой краткосрочной памятью»: вентили решают, что запомнить, что забыть и что выдать, поэтому она помнит длинный контекст."},
	{"gru", "GRU", "Упрощённый родственник LSTM с двумя вентилями вместо трёх: меньше параметров при похожем качестве."},
	{"autoencoder", "Автоэнкодер", "Сжимает вход в короткий код (энкодер) и восстанавливает его (декодер); учится без учителя, служит для сжатия и поиска аномалий."},
	{"rcnn", "RCNN — рекуррентные свёрточные нейронные сети", "В уроке: сочетание свёрточных и рекуррентных слоёв, например для видео или подписи к изображению. Не путать с R-CNN (Region-based CNN) — другой сетью с похожим названием, которая ищет объекты на изображении."},
	{"transformer", "Трансформер и механизм внимания", "Механизм внимания позволяет каждому элементу последовательности смотреть сразу на все остальные с разными весами; трансформер построен на нём без рекуррентности — основа современных языковых моделей."},
	{"unet", "U-Net", "Энкодер сжимает изображение, декодер разворачивает обратно, а «мостики» передают детали каждого уровня: получается маска для каждого пикселя (сегментация)."},
	{"frameworks", "TensorFlow, Keras, PyTorch", "Библиотеки для построения и обучения нейросетей; Keras — высокоуровневый интерфейс TensorFlow. Свёртка здесь дополняет нулями так же, как Keras."},
}

var enGlossary = []GlossaryTerm{
	{"network", "Neural network", "A model made of simple computing units, neurons, connected in layers; training finds their weights so that the network solves a task."},
	{"neuron", "Neuron", "Computes the weighted sum of its inputs z = w·x + b and passes it through an activation function: the output f(z)."},
	{"weight", "Weight", "The number a neuron multiplies an input by: the larger |w|, the more the input matters; its sign says whether the input pushes for or against."},
	{"bias", "Bias", "The number b a neuron adds to its weighted sum: it shifts the threshold at which the neuron “switches on”."},
	{"activation", "Activation function", "The non-linear function f a neuron applies to its sum z; without it a stack of layers would collapse into one linear map."},
	{"sigmoid", "Sigmoid", "The activation σ(z) = 1 / (1 + e⁻ᶻ): it squeezes any number into (0, 1), and its derivative is σ′ = σ(1 − σ)."},
	{"input-layer", "Input layer", "The network's first layer: it takes the data as it is — a point's features or an image's pixels — and computes nothing."},
	{"hidden-layer", "Hidden layer", "A layer between the input and the output: its neurons build new features from the previous layer's."},
	{"output-layer", "Output layer", "The last layer: its neurons give the network's answer, such as a class probability or a number."},
	{"fully-connected", "Fully connected layer", "A layer in which every neuron is connected to every output of the layer before."},
	{"loss", "Loss function", "A number that says how far the network's answers are from the right ones (the squared difference or the cross-entropy, for example); training makes it smaller."},
	{"gradient-descent", "Gradient descent", "How a network learns: each weight moves a small step against the loss's derivative with respect to it; the step's size is the learning rate."},
	{"backprop", "Backpropagation", "The algorithm that computes the loss's derivatives with respect to every weight, from the output layer back to the input, by the chain rule."},
	{"epoch", "Epoch", "One pass of training over all the training examples."},
	{"overfitting", "Overfitting", "The network has memorised its training examples instead of the pattern: their loss is small, while on new (test) data it grows."},
	{"regularization", "Regularization", "A penalty on large weights (L1: the sum of |w|, L2: the sum of w²) added to the loss, so that the network overfits less."},
	{"supervised", "Supervised and unsupervised learning", "Supervised: from examples with the right answers (labels), as the network learns from points of two colours; unsupervised: without labels, the network finds structure itself (an autoencoder, for example)."},
	{"feature", "Feature and feature map", "A feature is a number that describes the input (a point's coordinate, an edge being there); a feature map is one filter's responses at every place in an image."},
	{"kernel", "Kernel (filter)", "A small table of weights that slides over the image; at each position the sum of products gives one number of the feature map."},
	{"stride", "Stride", "How many pixels the filter moves at a time: with stride 2 the feature map is half as large each way."},
	{"padding", "Zero padding", "Zeros around the image so that the filter can also sit on its edge; with same padding the map keeps the image's size."},
	{"pooling", "Pooling layer", "Shrinks a feature map by keeping the maximum or the mean of each window: less computation, and robustness to small shifts."},
	{"normalization", "Normalization", "Bringing values to one scale — the inputs, or a layer's outputs (batch normalization) — so that training is faster and more stable."},
	{"dropout", "Dropout layer", "During training it switches off a random part of the neurons, so that the network does not memorise its training examples and overfits less."},
	{"softmax", "Softmax", "Turns the last layer's outputs into class probabilities: eᶻᵏ divided by the sum of eᶻʲ over all classes, so they add up to 1."},
	{"cnn", "Convolutional neural network (CNN)", "A network for images: convolution → activation → pooling, several times, then fully connected layers; one filter looks for its pattern everywhere in the image."},
	{"rnn", "Recurrent neural network (RNN)", "A network for sequences such as text, sound or time series: it reads one element at a time and keeps a state, a memory of what it has read."},
	{"lstm", "LSTM", "A recurrent network with “long short-term memory”: gates decide what to keep, what to forget and what to output, so it remembers a long context."},
	{"gru", "GRU", "A simpler relative of the LSTM with two gates instead of three: fewer parameters for similar quality."},
	{"autoencoder", "Autoencoder", "Compresses its input into a short code (the encoder) and reconstructs it (the decoder); it learns without labels and serves for compression and anomaly detection."},
	{"rcnn", "RCNN: recurrent convolutional neural networks", "In the lesson: convolutional and recurrent layers combined, for video or captioning images, for example. Not to be confused with R-CNN (region-based CNN), a different network with a similar name that finds objects in an image."},
	{"transformer", "Transformer and attention", "Attention lets every element of a sequence look at all the others at once, with different weights; the transformer is built on it, without recurrence: the basis of today's language models."},
	{"unet", "U-Net", "An encoder shrinks the image, a decoder grows it back, and skip connections carry each level's details across: the result is a mask for every pixel (segmentation)."},
	{"frameworks", "TensorFlow, Keras, PyTorch", "Libraries for building and training neural networks; Keras is TensorFlow's high-level interface. The convolution here pads with zeros exactly as Keras does."},
}
