package i18n

// NeuronMessages are the words of the /neuron page.
type NeuronMessages struct {
	Title        string
	Lead         string
	InputsLegend string
	Input        string // "input", as in "x₁ (input 1)"
	Weight       string
	Bias         string
	AddInput     string
	// RemoveInput is the remove button's accessible name; verb: input number.
	RemoveInput    string
	Activation     string
	ActivationHelp string
	ResultTitle    string
	WeightedSum    string
	Output         string
	Derivative     string
	// DerivUndefined notes a derivative that is undefined at this z.
	DerivUndefined string
	// DerivFormulaNotes adds words to an engine's derivative formula, by
	// activation token (the engine's formulas hold no words).
	DerivFormulaNotes map[string]string
	// Underflow says that a value shown as 0 is an underflow, not a true
	// zero; verb: the value's name, "σ′(1000)".
	Underflow string
	// Subnormal says that a value is below the smallest normal float64;
	// verb: the value's name.
	Subnormal  string
	CurveTitle string
	// CurveAlt describes the chart; verbs: activation name, z from, z to,
	// z, f(z).
	CurveAlt    string
	CurvePoint  string
	CurveValues string
	BatchTitle  string
	// BatchHelp explains the format; verb: the number of inputs.
	BatchHelp     string
	BatchLabel    string
	BatchRows     string // verb: row count
	BatchEmpty    string
	DownloadCSV   string
	CompareTitle  string
	CompareHelp   string
	CompareAlt    string // verb: the activations' names
	CompareValues string
	ColRow        string
	// ActNotes says in one line what each activation is for, by token.
	ActNotes map[string]string
	// FieldNames names the page's link parameters in error messages.
	FieldNames map[string]string
}

var ruNeuron = NeuronMessages{
	Title:          "Нейрон и функция активации",
	Lead:           "Нейрон умножает каждый вход xᵢ на свой вес wᵢ, складывает произведения, добавляет смещение b и пропускает сумму z через функцию активации f. Меняйте числа и смотрите, как меняется выход.",
	InputsLegend:   "Входы и веса",
	Input:          "вход",
	Weight:         "вес",
	Bias:           "Смещение b",
	AddInput:       "Добавить вход",
	RemoveInput:    "Убрать вход %d",
	Activation:     "Функция активации f",
	ActivationHelp: "Сигмоида — функция из задания урока; остальные — для сравнения.",
	ResultTitle:    "Результат",
	WeightedSum:    "Взвешенная сумма",
	Output:         "Выход нейрона",
	Derivative:     "Производная",
	DerivUndefined: "в точке z = 0 производная не определена; показано значение по соглашению",
	DerivFormulaNotes: map[string]string{
		"step": "при z = 0 не определена",
	},
	Underflow:     "%s: точное значение меньше наименьшего положительного числа двойной точности (около 4.9·10⁻³²⁴), и компьютер округлил его до 0. Это исчезновение порядка (underflow), а не настоящий ноль.",
	Subnormal:     "%s: значение меньше 2.2·10⁻³⁰⁸; такие малые числа двойной точности хранят меньше значащих цифр (денормализованные числа).",
	CurveTitle:    "График функции активации",
	CurveAlt:      "График функции «%s» на отрезке z от %s до %s; отмечена точка z = %s, f(z) = %s.",
	CurvePoint:    "Точка на графике",
	CurveValues:   "Значения графика числами",
	BatchTitle:    "Пакет входов",
	BatchHelp:     "Одна строка — один пример: %d {число|числа|чисел} через запятую или пробел, дробная часть через точку. Для нейрона с одним входом подойдёт и просто список чисел.",
	BatchLabel:    "Строки входов",
	BatchRows:     "Строк: %d",
	BatchEmpty:    "Введите строки входов — здесь появится таблица выходов.",
	DownloadCSV:   "Скачать CSV",
	CompareTitle:  "Сравнить функции активации",
	CompareHelp:   "Отметьте функции, чтобы увидеть их графики вместе.",
	CompareAlt:    "Графики функций: %s.",
	CompareValues: "Значения в точках",
	ColRow:        "№",
	ActNotes: map[string]string{
		"sigmoid":    "Сжимает любое число в интервал (0, 1); выход читается как вероятность.",
		"tanh":       "Как сигмоида, но в интервале (−1, 1) и симметрична относительно нуля.",
		"relu":       "Пропускает положительное как есть, отрицательное обнуляет; самая популярная в глубоких сетях.",
		"leaky-relu": "ReLU с маленьким наклоном 0.01 для отрицательных z: нейрон не «умирает».",
		"elu":        "Гладкая при отрицательных z и стремится к −1.",
		"softplus":   "Гладкая версия ReLU; её производная — сигмоида.",
		"silu":       "z · σ(z): гладкая, немного опускается ниже нуля; используется в современных сетях.",
		"linear":     "Ничего не меняет: выход равен z. Так устроен выход регрессии.",
		"step":       "Либо 0, либо 1 — как в первом перцептроне; производная почти везде 0, поэтому градиентом её не обучить.",
	},
	FieldNames: map[string]string{
		"x":     "вход x",
		"w":     "вес w",
		"b":     "смещение b",
		"act":   "функция активации (act)",
		"batch": "пакет входов (batch)",
		"cmp":   "функции для сравнения (cmp)",
	},
}

var enNeuron = NeuronMessages{
	Title:          "The neuron and its activation",
	Lead:           "A neuron multiplies each input xᵢ by its weight wᵢ, adds up the products, adds the bias b and passes the sum z through an activation function f. Change the numbers and watch the output change.",
	InputsLegend:   "Inputs and weights",
	Input:          "input",
	Weight:         "weight",
	Bias:           "Bias b",
	AddInput:       "Add an input",
	RemoveInput:    "Remove input %d",
	Activation:     "Activation function f",
	ActivationHelp: "The sigmoid is the lesson's function; the others are there to compare.",
	ResultTitle:    "Result",
	WeightedSum:    "Weighted sum",
	Output:         "Neuron output",
	Derivative:     "Derivative",
	DerivUndefined: "the derivative is undefined at z = 0; the conventional value is shown",
	DerivFormulaNotes: map[string]string{
		"step": "undefined at z = 0",
	},
	Underflow:     "%s: the exact value is below the smallest positive double-precision number (about 4.9·10⁻³²⁴), so the computer rounded it to 0. This is an underflow, not a true zero.",
	Subnormal:     "%s: the value is below 2.2·10⁻³⁰⁸; double precision keeps fewer significant digits for numbers this small (subnormal numbers).",
	CurveTitle:    "The activation curve",
	CurveAlt:      "Curve of “%s” for z from %s to %s; the point z = %s, f(z) = %s is marked.",
	CurvePoint:    "Point on the curve",
	CurveValues:   "The curve as numbers",
	BatchTitle:    "A batch of inputs",
	BatchHelp:     "One line per example: %d {number|numbers} separated by commas or spaces, with a decimal point. For a one-input neuron a plain list of numbers works too.",
	BatchLabel:    "Input rows",
	BatchRows:     "Rows: %d",
	BatchEmpty:    "Type rows of inputs and a table of outputs appears here.",
	DownloadCSV:   "Download CSV",
	CompareTitle:  "Compare activations",
	CompareHelp:   "Tick functions to see their curves together.",
	CompareAlt:    "Curves of: %s.",
	CompareValues: "Values at some points",
	ColRow:        "#",
	ActNotes: map[string]string{
		"sigmoid":    "Squeezes any number into (0, 1); the output reads as a probability.",
		"tanh":       "Like the sigmoid, but in (−1, 1) and symmetric about zero.",
		"relu":       "Passes positives unchanged and zeroes negatives; the most used in deep networks.",
		"leaky-relu": "ReLU with a small slope of 0.01 for negative z, so the neuron never “dies”.",
		"elu":        "Smooth for negative z, tending to −1.",
		"softplus":   "A smooth ReLU; its derivative is the sigmoid.",
		"silu":       "z · σ(z): smooth, dips slightly below zero; used in modern networks.",
		"linear":     "Changes nothing: the output is z. Regression outputs work this way.",
		"step":       "Either 0 or 1, as in the first perceptron; its derivative is 0 almost everywhere, so gradients cannot train it.",
	},
	FieldNames: map[string]string{
		"x":     "input x",
		"w":     "weight w",
		"b":     "bias b",
		"act":   "activation (act)",
		"batch": "batch of inputs (batch)",
		"cmp":   "functions to compare (cmp)",
	},
}
