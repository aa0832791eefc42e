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

	ConvTitle:     "Свёртка изображения с фильтром",
	ConvIntro:     "Программа делает то же, что страница: сворачивает изображение с каждым фильтром (как в примере урока), применяет функцию активации и объединение (pooling) и печатает карты признаков с теми же числами.",
	ConvImage:     "Изображение %d×%d: числа (уровни серого 0…255 у картинки)",
	ConvPacked:    "Картинка большая, поэтому её уровни серого записаны байтами в base64, строка за строкой; это те же числа, что в PNG на странице (/conv/map/in.png).",
	ConvFilters:   "Фильтры (ядра свёртки)",
	ConvFlip:      "Настоящая свёртка: фильтр повёрнут на 180°",
	ConvSettings:  "Шаг свёртки (stride) и заполнение нулями по краям (padding)",
	ConvPads:      "Сколько нулей добавить до и после по каждой оси для фильтра стороны k",
	ConvLoopTitle: "Свёртка циклом, как в уроке",
	ConvLoop:      "Фильтр скользит по изображению с шагом stride; в каждой позиции пиксели под ним умножаются на веса, и произведения складываются.",
	ConvVecTitle:  "То же без цикла по пикселям",
	ConvVec:       "Для каждого веса фильтра берём сразу все пиксели, на которые он ложится, и прибавляем их произведения к карте. Так складывает и сервер: в float32 и в том же порядке, поэтому числа совпадают со страницей до последнего бита.",
	ConvStage:     "Слой CNN: активация и объединение",
	ConvAct:       "Функция активации: %s — применяется к каждому числу карты",
	ConvPool:      "Объединение (pooling): %s по окну pool_size×pool_size с шагом pool_stride",
	ConvRun:       "Все фильтры: карта признаков → активация → объединение",
	ConvShow:      "Печать как на странице: таблица для небольшой карты, иначе наименьшее и наибольшее число",
	ConvActStep:   "Активация считается в float64 и округляется до float32, как на сервере",
	ConvMapLabel:  "Фильтр %d, карта признаков",
	ConvActLabel:  "Фильтр %d, после активации",
	ConvPoolLabel: "Фильтр %d, после объединения",
	ConvCheck:     "Проверка: цикл из урока даёт ту же карту (np.sum складывает в другом порядке, поэтому возможна разница в последнем знаке float32)",
	ConvDiff:      "Цикл и векторная форма: наибольшая разница",
	ConvNext:      "В PyTorch та же свёртка — torch.nn.functional.conv2d, в Keras — keras.layers.Conv2D(filters, kernel_size, strides, padding) и MaxPooling2D/AveragePooling2D.",
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

	ConvTitle:     "Convolving an image with a filter",
	ConvIntro:     "The program does what the page does: it convolves the image with each filter (as in the lesson's example), applies the activation function and the pooling, and prints the feature maps with the same numbers.",
	ConvImage:     "The image, %d×%d: numbers (grey levels 0…255 for a picture)",
	ConvPacked:    "The picture is large, so its grey levels are written as bytes in base64, row after row; they are the numbers of the page's PNG (/conv/map/in.png).",
	ConvFilters:   "The filters (convolution kernels)",
	ConvFlip:      "True convolution: the filter rotated by 180°",
	ConvSettings:  "The stride of the convolution and the zeros added around the image (padding)",
	ConvPads:      "How many zeros go before and after along each axis for a filter of side k",
	ConvLoopTitle: "The convolution as a loop, as in the lesson",
	ConvLoop:      "The filter slides over the image by stride pixels; at each position the pixels under it are multiplied by the weights and the products are added.",
	ConvVecTitle:  "The same without a loop over the pixels",
	ConvVec:       "For each weight of the filter, take at once every pixel it lands on and add their products to the map. The server adds the same way, in float32 and in the same order, so the numbers match the page to the last bit.",
	ConvStage:     "A CNN layer: activation and pooling",
	ConvAct:       "The activation function: %s, applied to every number of the map",
	ConvPool:      "Pooling: %s over a pool_size×pool_size window moved by pool_stride",
	ConvRun:       "Every filter: feature map → activation → pooling",
	ConvShow:      "Print as the page shows: a table for a small map, else its smallest and largest number",
	ConvActStep:   "The activation is computed in float64 and rounded to float32, as on the server",
	ConvMapLabel:  "Filter %d, feature map",
	ConvActLabel:  "Filter %d, after the activation",
	ConvPoolLabel: "Filter %d, after pooling",
	ConvCheck:     "Check: the lesson's loop gives the same map (np.sum adds in another order, so the last float32 digit may differ)",
	ConvDiff:      "Loop and vectorised form: largest difference",
	ConvNext:      "In PyTorch the same convolution is torch.nn.functional.conv2d, in Keras keras.layers.Conv2D(filters, kernel_size, strides, padding) with MaxPooling2D/AveragePooling2D.",
}
