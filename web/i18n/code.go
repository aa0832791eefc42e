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
}
