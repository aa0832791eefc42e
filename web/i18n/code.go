package i18n

// CodeMessages are the words of the code panel and of the programs it
// shows: comments, printed labels and the notebooks' markdown cells.
// Python code itself is not translated.
type CodeMessages struct {
	Title    string
	Lead     string
	Download string // the downloads' legend
	Script   string // the .py link
	Notebook string // the .ipynb link
	// Elided replaces the middle of a long array in the panel; verb: the
	// lines left out.
	Elided string
	// Source names the page the program is for; verb: its link.
	Source  string
	Invalid string // the panel of a link with errors

	NeuronTitle  string
	NeuronIntro  string
	NeuronInputs string
	NeuronSum    string
	NeuronSumVec string
	// NeuronAct introduces the activation; verb: its name.
	NeuronAct   string
	NeuronDeriv string
	NeuronBatch string
	// NeuronNext names the same neuron in PyTorch and Keras; verb: the
	// number of inputs, twice.
	NeuronNext string

	ConvTitle     string
	ConvIntro     string
	ConvImage     string // verbs: width, height
	ConvPacked    string
	ConvFilters   string
	ConvFlip      string
	ConvSettings  string
	ConvPads      string
	ConvLoopTitle string
	ConvLoop      string
	ConvVecTitle  string
	ConvVec       string
	ConvStage     string
	ConvAct       string // verb: the activation's name
	ConvPool      string // verb: the pooling's name
	ConvRun       string
	ConvShow      string
	ConvActStep   string
	// The printed titles of the maps; verb: the kernel's number. No
	// braces or quotes: they go into a Python f-string.
	ConvMapLabel  string
	ConvActLabel  string
	ConvPoolLabel string
	ConvCheck     string
	ConvDiff      string
	ConvNext      string

	NetTitle      string
	NetIntro      string
	NetNoData     string // printed: no quotes or braces
	NetData       string
	NetDataNote   string
	NetFeatures   string // verb: the features' names
	NetTargets    string
	NetLayers     string
	NetLayersNote string // verb: the layer sizes, "2 → 4 → 1"
	NetInit       string // verb: the seed
	NetHidden     string // verb: the activation's name
	NetOutput     string
	NetLoss       string
	NetForward    string
	NetTrain      string
	NetTrainNote  string
	NetBackward   string
	NetStep       string
	NetSettings   string
	NetChanges    string
	NetEdits      string
	NetRun        string
	// NetEpochLine and NetFinal are printed by an f-string: {epoch},
	// {train} and {test} are filled in; no other braces, no quotes.
	NetEpochLine string
	// NetDiverged is printed with {epoch} filled in.
	NetDiverged     string
	NetDivergedNote string
	NetNow          string
	NetFinal        string
	NetNext         string
}

var ruCode = CodeMessages{
	Title:    "Программа на Python",
	Lead:     "Код на Python с NumPy, который вычисляет то же, что эта страница, с её числами: прочитайте, скопируйте, запустите. Он меняется вместе со страницей.",
	Download: "Скачать",
	Script:   "программу .py",
	Notebook: "блокнот Jupyter .ipynb",
	Elided:   "… ещё %d строк — в скачанной программе",
	Source:   "Программа для страницы %s",
	Invalid:  "Исправьте ошибки в форме — и здесь появится программа.",

	NeuronTitle:  "Нейрон: взвешенная сумма и функция активации",
	NeuronIntro:  "Программа вычисляет выход нейрона f(w·x + b) для тех же входов x, весов w и смещения b, что на странице, и печатает те же числа.",
	NeuronInputs: "Входы x, веса w (по одному на каждый вход) и смещение b",
	NeuronSum:    "Шаг 1. Взвешенная сумма z = w·x + b: произведения складываются слева направо, как на странице",
	NeuronSumVec: "То же одной строкой: z = np.dot(w, x) + b (NumPy может складывать в другом порядке, и последний знак иногда отличается)",
	NeuronAct:    "Шаг 2. Функция активации: %s",
	NeuronDeriv:  "Шаг 3. Производная f′(z): по ней сеть учится, когда ошибка идёт назад по слоям",
	NeuronBatch:  "Пакет входов: каждая строка X — один набор x; z и f(z) для всех строк сразу",
	NeuronNext:   "В PyTorch тот же нейрон — torch.nn.Linear(%d, 1), в Keras — keras.layers.Dense(1, input_shape=(%d,)) с той же активацией.",

	ConvTitle:       "Свёртка изображения с фильтром",
	ConvIntro:       "Программа делает то же, что страница: сворачивает изображение с каждым фильтром (как в примере урока), применяет функцию активации и объединение (pooling) и печатает карты признаков с теми же числами.",
	ConvImage:       "Изображение %d×%d: числа (уровни серого 0…255 у картинки)",
	ConvPacked:      "Картинка большая, поэтому её уровни серого записаны байтами в base64, строка за строкой; это те же числа, что в PNG на странице (/conv/map/in.png).",
	ConvFilters:     "Фильтры (ядра свёртки)",
	ConvFlip:        "Настоящая свёртка: фильтр повёрнут на 180°",
	ConvSettings:    "Шаг свёртки (stride) и заполнение нулями по краям (padding)",
	ConvPads:        "Сколько нулей добавить до и после по каждой оси для фильтра стороны k",
	ConvLoopTitle:   "Свёртка циклом, как в уроке",
	ConvLoop:        "Фильтр скользит по изображению с шагом stride; в каждой позиции пиксели под ним умножаются на веса, и произведения складываются.",
	ConvVecTitle:    "То же без цикла по пикселям",
	ConvVec:         "Для каждого веса фильтра берём сразу все пиксели, на которые он ложится, и прибавляем их произведения к карте. Так складывает и сервер: в float32 и в том же порядке, поэтому числа совпадают со страницей до последнего бита.",
	ConvStage:       "Слой CNN: активация и объединение",
	ConvAct:         "Функция активации: %s — применяется к каждому числу карты",
	ConvPool:        "Объединение (pooling): %s по окну pool_size×pool_size с шагом pool_stride",
	ConvRun:         "Все фильтры: карта признаков → активация → объединение",
	ConvShow:        "Печать как на странице: таблица для небольшой карты, иначе наименьшее и наибольшее число",
	ConvActStep:     "Активация считается в float64 и округляется до float32, как на сервере",
	ConvMapLabel:    "Фильтр %d, карта признаков",
	ConvActLabel:    "Фильтр %d, после активации",
	ConvPoolLabel:   "Фильтр %d, после объединения",
	ConvCheck:       "Проверка: цикл из урока даёт ту же карту (np.sum складывает в другом порядке, поэтому возможна разница в последнем знаке float32)",
	ConvDiff:        "Цикл и векторная форма: наибольшая разница",
	NetTitle:        "Нейросеть: входной слой, скрытые слои, выходной слой",
	NetIntro:        "Программа строит ту же сеть, что страница, с теми же начальными весами и данными, обучает её так же (мини-пакеты по порядку, тот же шаг обучения и регуляризация) столько эпох, сколько в ссылке, и печатает ошибку (loss) по ходу обучения.",
	NetNoData:       "Нет данных для обучения: поставьте на странице хотя бы две точки.",
	NetData:         "Данные",
	NetDataNote:     "Точки (x₁, x₂, метка): обучающие — в том порядке, в каком сервер их перемешал, и тестовые. Метка +1 — синие, −1 — оранжевые (для регрессии — число).",
	NetFeatures:     "Входные признаки: %s",
	NetTargets:      "Целевые значения: для сигмоиды на выходе метка +1 → 1, −1 → 0; иначе сама метка",
	NetLayers:       "Слои и начальные веса",
	NetLayersNote:   "Нейронов в слоях: %s. W[l][i, j] — вес от нейрона i предыдущего слоя к нейрону j слоя l, b[l] — смещения.",
	NetInit:         "Начальные веса — те, что сервер получил из зерна seed=%d (случайные из [−0.5, 0.5), смещения 0.1)",
	NetHidden:       "Функция активации скрытых слоёв: %s",
	NetOutput:       "Выход",
	NetLoss:         "ошибка",
	NetForward:      "Прямой проход: слой за слоем z = a·W + b, a = f(z)",
	NetTrain:        "Обучение: градиентный спуск мини-пакетами",
	NetTrainNote:    "Точки берутся по порядку, по batch_size за раз; после каждого пакета веса сдвигаются против градиента ошибки, посчитанного обратным распространением.",
	NetBackward:     "Обратное распространение: ошибка идёт от выхода к входу, слой за слоем",
	NetStep:         "Шаг: средний градиент пакета, умноженный на learning_rate; L2 тянет веса к нулю, L1 обнуляет малые",
	NetSettings:     "Настройки обучения и число эпох — из ссылки",
	NetChanges:      "Настройки, изменённые по ходу обучения: с какой эпохи что действует",
	NetEdits:        "Веса и смещения, заданные на странице вручную: (после эпохи, W или b, слой, индекс, значение)",
	NetRun:          "Обучение",
	NetEpochLine:    "эпоха {epoch}: ошибка на обучающих {train}, на тестовых {test}",
	NetDiverged:     "эпоха {epoch}: обучение разошлось — ошибка или вес перестали быть конечными числами; сеть остаётся такой, как после предыдущей эпохи",
	NetDivergedNote: "Если шаг обучения слишком велик, ошибка растёт до бесконечности: обучение останавливается, как на странице",
	NetNow:          "Итог — как на странице",
	NetFinal:        "после {epoch} эпох: ошибка на обучающих {train}, на тестовых {test}",
	NetNext:         "В Keras та же сеть — keras.Sequential из слоёв keras.layers.Dense и model.fit(X, y, batch_size, epochs, shuffle=False) с оптимизатором SGD; в PyTorch — torch.nn.Sequential из torch.nn.Linear и torch.optim.SGD.",

	ConvNext: "В PyTorch та же свёртка — torch.nn.functional.conv2d, в Keras — keras.layers.Conv2D(filters, kernel_size, strides, padding) и MaxPooling2D/AveragePooling2D.",
}

var enCode = CodeMessages{
	Title:    "The program in Python",
	Lead:     "Python code with NumPy that computes what this page shows, with its numbers: read it, copy it, run it. It changes with the page.",
	Download: "Download",
	Script:   "the program (.py)",
	Notebook: "a Jupyter notebook (.ipynb)",
	Elided:   "… %d more lines in the downloaded program",
	Source:   "The program of the page %s",
	Invalid:  "Fix the errors in the form and the program appears here.",

	NeuronTitle:  "A neuron: the weighted sum and the activation function",
	NeuronIntro:  "The program computes the neuron's output f(w·x + b) for the same inputs x, weights w and bias b as the page, and prints the same numbers.",
	NeuronInputs: "The inputs x, the weights w (one for each input) and the bias b",
	NeuronSum:    "Step 1. The weighted sum z = w·x + b: the products are added left to right, as on the page",
	NeuronSumVec: "The same in one line: z = np.dot(w, x) + b (NumPy may add in another order, so the last digit can differ)",
	NeuronAct:    "Step 2. The activation function: %s",
	NeuronDeriv:  "Step 3. The derivative f′(z): the network learns with it when the error goes back through the layers",
	NeuronBatch:  "A batch of inputs: each row of X is one set of x; z and f(z) for every row at once",
	NeuronNext:   "In PyTorch the same neuron is torch.nn.Linear(%d, 1), in Keras keras.layers.Dense(1, input_shape=(%d,)) with the same activation.",

	ConvTitle:       "Convolving an image with a filter",
	ConvIntro:       "The program does what the page does: it convolves the image with each filter (as in the lesson's example), applies the activation function and the pooling, and prints the feature maps with the same numbers.",
	ConvImage:       "The image, %d×%d: numbers (grey levels 0…255 for a picture)",
	ConvPacked:      "The picture is large, so its grey levels are written as bytes in base64, row after row; they are the numbers of the page's PNG (/conv/map/in.png).",
	ConvFilters:     "The filters (convolution kernels)",
	ConvFlip:        "True convolution: the filter rotated by 180°",
	ConvSettings:    "The stride of the convolution and the zeros added around the image (padding)",
	ConvPads:        "How many zeros go before and after along each axis for a filter of side k",
	ConvLoopTitle:   "The convolution as a loop, as in the lesson",
	ConvLoop:        "The filter slides over the image by stride pixels; at each position the pixels under it are multiplied by the weights and the products are added.",
	ConvVecTitle:    "The same without a loop over the pixels",
	ConvVec:         "For each weight of the filter, take at once every pixel it lands on and add their products to the map. The server adds the same way, in float32 and in the same order, so the numbers match the page to the last bit.",
	ConvStage:       "A CNN layer: activation and pooling",
	ConvAct:         "The activation function: %s, applied to every number of the map",
	ConvPool:        "Pooling: %s over a pool_size×pool_size window moved by pool_stride",
	ConvRun:         "Every filter: feature map → activation → pooling",
	ConvShow:        "Print as the page shows: a table for a small map, else its smallest and largest number",
	ConvActStep:     "The activation is computed in float64 and rounded to float32, as on the server",
	ConvMapLabel:    "Filter %d, feature map",
	ConvActLabel:    "Filter %d, after the activation",
	ConvPoolLabel:   "Filter %d, after pooling",
	ConvCheck:       "Check: the lesson's loop gives the same map (np.sum adds in another order, so the last float32 digit may differ)",
	ConvDiff:        "Loop and vectorised form: largest difference",
	NetTitle:        "A network: an input layer, hidden layers, an output layer",
	NetIntro:        "The program builds the network the page shows, with the same initial weights and data, trains it the same way (mini-batches in order, the same learning rate and regularization) for the link's epochs, and prints the loss as it learns.",
	NetNoData:       "No data to train on: place at least two points on the page.",
	NetData:         "The data",
	NetDataNote:     "Points (x₁, x₂, label): the training points in the order the server shuffled them, and the test points. Label +1 is blue, −1 orange (a number for regression).",
	NetFeatures:     "The input features: %s",
	NetTargets:      "The targets: for a sigmoid output label +1 → 1, −1 → 0; else the label itself",
	NetLayers:       "The layers and the initial weights",
	NetLayersNote:   "Neurons per layer: %s. W[l][i, j] is the weight from neuron i of the layer before to neuron j of layer l, b[l] the biases.",
	NetInit:         "The initial weights the server drew from the seed seed=%d (uniform in [−0.5, 0.5), biases 0.1)",
	NetHidden:       "The hidden layers' activation function: %s",
	NetOutput:       "Output",
	NetLoss:         "loss",
	NetForward:      "The forward pass: layer by layer z = a·W + b, a = f(z)",
	NetTrain:        "Training: mini-batch gradient descent",
	NetTrainNote:    "The points are taken in order, batch_size at a time; after each batch the weights move against the gradient of the loss, found by backpropagation.",
	NetBackward:     "Backpropagation: the error goes from the output to the input, layer by layer",
	NetStep:         "The step: the batch's mean gradient times learning_rate; L2 pulls the weights toward zero, L1 zeroes the small ones",
	NetSettings:     "The training settings and the number of epochs, from the link",
	NetChanges:      "Settings changed during the run: from which epoch each holds",
	NetEdits:        "Weights and biases set by hand on the page: (after epoch, W or b, layer, index, value)",
	NetRun:          "The training",
	NetEpochLine:    "epoch {epoch}: training loss {train}, test loss {test}",
	NetDiverged:     "epoch {epoch}: the training diverged, a loss or a weight stopped being a finite number; the network stays as after the epoch before",
	NetDivergedNote: "When the learning rate is too large the loss grows without bound: training stops, as on the page",
	NetNow:          "The result, as the page shows it",
	NetFinal:        "after {epoch} epochs: training loss {train}, test loss {test}",
	NetNext:         "In Keras the same network is a keras.Sequential of keras.layers.Dense trained by model.fit(X, y, batch_size, epochs, shuffle=False) with the SGD optimizer; in PyTorch a torch.nn.Sequential of torch.nn.Linear with torch.optim.SGD.",

	ConvNext: "In PyTorch the same convolution is torch.nn.functional.conv2d, in Keras keras.layers.Conv2D(filters, kernel_size, strides, padding) with MaxPooling2D/AveragePooling2D.",
}
