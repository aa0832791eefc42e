package i18n

// Term is a glossary entry.
type Term struct {
	Term       string
	Definition string
}

// Exercise is one of the lesson's three exercises on the home page.
type Exercise struct {
	Title string
	Task  string // the lesson's wording of the exercise
	Text  string // what the page lets you do
	Open  string // the link text
}

// HomeMessages is the lesson's map: the exercises, the glossary and the
// architectures in brief.
type HomeMessages struct {
	Title          string
	Lead           string
	ExercisesTitle string
	Neuron         Exercise
	Conv           Exercise
	Network        Exercise
	// Soon marks an exercise whose page is not built yet.
	Soon          string
	GlossaryTitle string
	Glossary      []GlossaryTerm
	// TryIt is the link text that opens the page where a term can be
	// tried; NoPage says the term has no page of its own yet.
	TryIt         string
	NoPage        string
	LayersTitle   string
	Layers        []Term
	ArchTitle     string
	Architectures []Term
}

var ruHome = HomeMessages{
	Title:          "Нейросети: основы нейронных сетей",
	Lead:           "Три упражнения урока, которые можно потрогать руками: нейрон с сигмоидой, свёртка изображения фильтром и маленькая сеть, которая учится прямо в браузере. Любое состояние страницы — это ссылка: ею можно поделиться, и она откроется точно так же.",
	ExercisesTitle: "Упражнения",
	Neuron: Exercise{
		Title: "1. Нейрон и сигмоида",
		Task:  "Напишите программу, которая вычисляет сигмоидную функцию активации для заданных входных данных.",
		Text:  "Задайте входы, веса и смещение, выберите функцию активации — и увидьте сумму с подставленными числами, значение, производную и график. Пакетный режим считает выход для целой таблицы входов.",
		Open:  "Открыть нейрон",
	},
	Conv: Exercise{
		Title: "2. Свёртка изображения",
		Task:  "Напишите код, который выполняет свёртку изображения с фильтром.",
		Text:  "Нарисуйте картинку или введите матрицу, выберите фильтр — и пройдите свёртку шаг за шагом до карты признаков, активации и пулинга.",
		Open:  "Открыть свёртку",
	},
	Network: Exercise{
		Title: "3. Простая нейронная сеть",
		Task:  "Создайте простую нейронную сеть из входного, одного скрытого и выходного слоя.",
		Text:  "Выберите набор точек и размер скрытого слоя и смотрите, как сеть учится: граница решений, выходы нейронов и кривые функции потерь.",
		Open:  "Открыть сеть",
	},
	Soon:          "Страница пока строится — здесь появится ссылка.",
	GlossaryTitle: "Словарь урока",
	Glossary:      ruGlossary,
	TryIt:         "Попробовать",
	NoPage:        "своей страницы пока нет",
	LayersTitle:   "Слои свёрточной сети",
	Layers: []Term{
		{"Входной слой", "Принимает изображение как таблицу чисел: высота × ширина × каналы (1 для серого, 3 для RGB)."},
		{"Свёрточный слой", "Скользит фильтрами (ядрами) по входу; каждый фильтр даёт карту признаков — где на картинке встречается его узор."},
		{"Слой активации", "Применяет нелинейную функцию к каждому значению карты, чаще всего ReLU: отрицательные отклики становятся нулём."},
		{"Слой объединения (пулинг)", "Уменьшает карту, оставляя в каждом окне максимум или среднее: меньше вычислений и устойчивость к небольшим сдвигам."},
		{"Полносвязный слой", "Соединяет каждый вход с каждым нейроном; в конце CNN превращает найденные признаки в ответ — например, вероятности классов."},
		{"Слой нормализации", "Приводит значения к одному масштабу (например, batch normalization): обучение идёт быстрее и устойчивее."},
		{"Слой отсева (dropout)", "Во время обучения случайно выключает часть нейронов, чтобы сеть не запоминала обучающие примеры, а обобщала."},
	},
	ArchTitle: "Архитектуры коротко",
	Architectures: []Term{
		{"CNN", "Свёртка → активация → пулинг, несколько раз подряд, затем полносвязные слои. Основа компьютерного зрения."},
		{"RNN, LSTM, GRU", "Рекуррентные сети; LSTM и GRU добавляют «вентили», которые решают, что помнить, а что забыть, — так сеть удерживает длинный контекст."},
		{"Автоэнкодер", "Сжимает вход в короткий код (энкодер) и восстанавливает его обратно (декодер); учится без разметки, годится для сжатия и поиска аномалий."},
		{"U-Net", "Энкодер сжимает изображение, декодер разворачивает обратно, а «мостики» передают детали с каждого уровня: получается маска для каждого пикселя (сегментация)."},
		{"Трансформер", "Обходится без рекуррентности: механизм внимания позволяет каждому элементу последовательности напрямую смотреть на все остальные. Основа современных языковых моделей."},
	},
}

var enHome = HomeMessages{
	Title:          "Neural networks: the basics",
	Lead:           "The lesson's three exercises, hands on: a neuron with its sigmoid, the convolution of an image with a filter, and a small network that learns right in your browser. Every state of a page is a link: share it, and it opens exactly the same.",
	ExercisesTitle: "Exercises",
	Neuron: Exercise{
		Title: "1. The neuron and its sigmoid",
		Task:  "Write a program that computes the sigmoid activation for given input data.",
		Text:  "Set the inputs, weights and bias, pick an activation, and see the sum with the numbers substituted, the value, the derivative and the curve. Batch mode computes the output for a whole table of inputs.",
		Open:  "Open the neuron",
	},
	Conv: Exercise{
		Title: "2. Convolving an image",
		Task:  "Write code that convolves an image with a filter.",
		Text:  "Draw a picture or type a matrix, pick a filter, and step through the convolution to the feature map, the activation and the pooling.",
		Open:  "Open convolution",
	},
	Network: Exercise{
		Title: "3. A simple neural network",
		Task:  "Build a simple neural network with an input layer, one hidden layer and an output layer.",
		Text:  "Pick a dataset and the hidden-layer size and watch the network learn: the decision boundary, each neuron's output and the loss curves.",
		Open:  "Open the network",
	},
	Soon:          "This page is still being built; a link will appear here.",
	GlossaryTitle: "The lesson's terms",
	Glossary:      enGlossary,
	TryIt:         "Try it",
	NoPage:        "no page of its own yet",
	LayersTitle:   "The layers of a CNN",
	Layers: []Term{
		{"Input layer", "Takes the image as a table of numbers: height × width × channels (1 for grey, 3 for RGB)."},
		{"Convolutional layer", "Slides filters (kernels) over its input; each filter gives a feature map showing where its pattern occurs."},
		{"Activation layer", "Applies a non-linear function to every value of the map, most often ReLU: negative responses become zero."},
		{"Pooling layer", "Shrinks the map by keeping the maximum or the mean of each window: less computation, and robustness to small shifts."},
		{"Fully connected layer", "Connects every input to every neuron; at the end of a CNN it turns the features found into an answer, such as class probabilities."},
		{"Normalization layer", "Brings values to a common scale (batch normalization, for example) so training is faster and more stable."},
		{"Dropout layer", "Switches off a random part of the neurons during training so the network generalises instead of memorising the training examples."},
	},
	ArchTitle: "Architectures in brief",
	Architectures: []Term{
		{"CNN", "Convolution → activation → pooling, several times over, then fully connected layers. The backbone of computer vision."},
		{"RNN, LSTM, GRU", "Recurrent networks; LSTM and GRU add gates that decide what to remember and what to forget, so the network keeps a long context."},
		{"Autoencoder", "Compresses its input into a short code (the encoder) and reconstructs it (the decoder); it learns without labels and serves for compression and anomaly detection."},
		{"U-Net", "An encoder shrinks the image, a decoder grows it back, and skip connections carry the details of every level across: the result is a mask for every pixel (segmentation)."},
		{"Transformer", "No recurrence: attention lets every element of a sequence look directly at all the others. The basis of today's language models."},
	},
}
