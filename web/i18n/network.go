package i18n

// NetworkMessages are the words of the /network page.
type NetworkMessages struct {
	Title string
	Lead  string

	DataTitle      string
	DatasetLegend  string
	Datasets       map[string]string // by data token, "own" included
	Noise          string
	Split          string
	Seed           string
	Regenerate     string
	RegenerateHelp string
	NoiseOwnHelp   string

	ToolLegend  string
	Tools       map[string]string // by tool token
	ClearPoints string
	// PointsCount verbs: all points, blue points, orange points.
	PointsCount string
	OwnHelp     string
	OwnTooFew   string

	FeaturesTitle string
	FeaturesHelp  string

	NetworkTitle string
	// HiddenLayers verb: the number of hidden layers.
	HiddenLayers string
	AddLayer     string
	RemoveLayer  string
	// LayerNeurons verbs: layer number, neuron count.
	LayerNeurons string
	// AddNeuron, RemoveNeuron verb: the layer number.
	AddNeuron    string
	RemoveNeuron string
	Activation   string
	Output       string
	Outputs      map[string]string // by output token
	DiagramHelp  string
	// DiagramAlt verbs: inputs, the hidden layer sizes, parameters.
	DiagramAlt string
	NoHidden   string

	TrainingTitle string
	Reset         string
	Play          string
	Pause         string
	Step          string
	// TrainN verb: a number of epochs.
	TrainN         string
	NoScriptTrain  string
	Epoch          string
	LearningRate   string
	Batch          string
	Regularization string
	Regs           map[string]string // by regularization token
	RegRate        string
	StopAt         string
	StopLoss       string
	StopHelp       string

	OutputTitle string
	TrainLoss   string
	TestLoss    string
	TrainAcc    string
	TestAcc     string
	NoAccuracy  string
	// LossNames names the loss the output is trained with, by output token.
	LossNames  map[string]string
	ShowTest   string
	Discretize string
	// PlotAlt verbs: training points, test points shown.
	PlotAlt   string
	PlotLabel string
	PlotKeys  string
	LossTitle string
	// LossAlt verbs: epochs, training loss, test loss.
	LossAlt     string
	LossValues  string
	ColEpoch    string
	SeriesTrain string
	SeriesTest  string

	// Diverged verbs: the epoch that diverged, the epoch shown.
	Diverged string
	// AtLimit verbs: the replay bound of this network, its parameters,
	// the most parameters whose checkpoint fits in a link.
	AtLimit string
	// AtMaxEpochs verb: MaxEpochs.
	AtMaxEpochs string
	// FromCheckpoint verb: the checkpoint's epoch, where the curve starts.
	FromCheckpoint string
	// StoppedEpoch verb: the epoch.
	StoppedEpoch string
	// StoppedLoss verb: the threshold.
	StoppedLoss string
	// CatchingUp verbs: epoch, target.
	CatchingUp string

	MathTitle string
	MathNone  string
	// MathAt verbs: x₁, x₂ of the point.
	MathAt        string
	ProbeX        string
	ProbeY        string
	ColInput      string
	ColValue      string
	ColWeight     string
	ColProduct    string
	WeightedSum   string
	ActivationOut string
	ClassPos      string
	ClassNeg      string
	// Class verb: the class's name.
	Class      string
	Prediction string
	// InputFeature verb: the feature.
	InputFeature string
	// FeatureValue verbs: the feature, its value.
	FeatureValue string
	// WeightFrom verbs: from, to.
	WeightFrom string
	// WeightPart verbs: the neuron, the product written out.
	WeightPart string
	SetWeight  string
	SetBias    string
	EditValue  string
	Bias       string
	Neuron     string
	// HiddenNeuron verbs: layer, neuron (for aria labels).
	HiddenNeuron string
	OutputNeuron string

	EditsTitle string
	// EditWeight verbs: epoch, the weight, the value.
	EditWeight string
	// EditBias verbs: epoch, the neuron, the value.
	EditBias string
	// EditSetting verbs: epoch, the setting's name, the value.
	EditSetting string

	ExportTitle       string
	ExportWeights     string
	ExportData        string
	ExportHistory     string
	ExportBoundarySVG string
	ExportBoundaryPNG string
	ExportLossSVG     string
	ExportLossPNG     string

	AboutTitle string
	About      []string

	// FieldNames names the page's link parameters in error messages.
	FieldNames map[string]string
}

var ruNetwork = NetworkMessages{
	Title: "Простая нейронная сеть",
	Lead:  "Сеть из входного слоя, скрытого слоя и выходного слоя учится отделять синие точки от оранжевых. Выберите данные и число нейронов скрытого слоя, нажмите «Пуск» и смотрите, как меняются граница решений, выходы нейронов и функция потерь.",

	DataTitle:     "Данные",
	DatasetLegend: "Набор точек",
	Datasets: map[string]string{
		"circle":    "Круг",
		"xor":       "Исключающее «или» (XOR)",
		"gauss":     "Два облака Гаусса",
		"spiral":    "Спираль",
		"reg-plane": "Плоскость (регрессия)",
		"reg-gauss": "Холмы (регрессия)",
		"own":       "Свои точки",
	},
	Noise:          "Шум, %",
	Split:          "Доля обучающих точек, %",
	Seed:           "Число для генератора случайных чисел (seed)",
	Regenerate:     "Новые точки",
	RegenerateHelp: "Новое зерно: другие точки и другие начальные веса.",
	NoiseOwnHelp:   "Для своих точек шум не применяется.",

	ToolLegend: "Щелчок по графику",
	Tools: map[string]string{
		"probe": "показывает расчёт в этой точке",
		"pos":   "ставит синюю точку (+1)",
		"neg":   "ставит оранжевую точку (−1)",
		"del":   "убирает ближайшую точку",
	},
	ClearPoints: "Убрать все точки",
	PointsCount: "Точек: %d (синих %d, оранжевых %d)",
	OwnHelp:     "Щёлкайте или касайтесь графика, чтобы ставить точки; класс точки выбирается выше. Точки хранятся в ссылке.",
	OwnTooFew:   "Поставьте хотя бы две точки (лучше обоих цветов), чтобы сеть могла учиться.",

	FeaturesTitle: "Входы",
	FeaturesHelp:  "Какие функции точки (x₁, x₂) получает сеть. Картинка показывает значение функции на плоскости.",

	NetworkTitle: "Сеть",
	HiddenLayers: "Скрытых слоёв: %d",
	AddLayer:     "Добавить слой",
	RemoveLayer:  "Убрать последний слой",
	LayerNeurons: "Слой %d: нейронов %d",
	AddNeuron:    "Добавить нейрон в слой %d",
	RemoveNeuron: "Убрать нейрон из слоя %d",
	Activation:   "Функция активации скрытых слоёв",
	Output:       "Выходной слой и функция потерь",
	Outputs: map[string]string{
		"sigmoid": "Сигмоида σ + перекрёстная энтропия (классы)",
		"tanh":    "tanh + квадрат ошибки (как в TensorFlow Playground)",
		"linear":  "Линейный + квадрат ошибки (регрессия)",
		"softmax": "Softmax + перекрёстная энтропия (несколько классов)",
	},
	DiagramHelp: "Нажмите на нейрон или связь, чтобы увидеть расчёт и изменить вес. Толщина линии — величина веса, цвет — знак: синий плюс, оранжевый минус. Картинка в нейроне — его выход на всей плоскости.",
	DiagramAlt:  "Схема сети: входов %d, скрытые слои: %s, параметров %d.",
	NoHidden:    "нет",

	TrainingTitle:  "Обучение",
	Reset:          "Сбросить к эпохе 0",
	Play:           "Пуск",
	Pause:          "Пауза",
	Step:           "Шаг: +1 эпоха",
	TrainN:         "+%d {эпоха|эпохи|эпох}",
	NoScriptTrain:  "Без JavaScript обучение идёт на сервере: каждая кнопка воспроизводит ссылку и продвигает обучение.",
	Epoch:          "Эпоха",
	LearningRate:   "Скорость обучения",
	Batch:          "Размер пакета",
	Regularization: "Регуляризация",
	Regs: map[string]string{
		"none": "Нет",
		"l1":   "L1",
		"l2":   "L2",
	},
	RegRate:  "Коэффициент регуляризации",
	StopAt:   "Остановиться на эпохе",
	StopLoss: "Остановиться, когда потери на тесте меньше",
	StopHelp: "0 — не останавливаться.",

	OutputTitle: "Результат",
	TrainLoss:   "Потери на обучении",
	TestLoss:    "Потери на тесте",
	TrainAcc:    "Точность на обучении",
	TestAcc:     "Точность на тесте",
	NoAccuracy:  "у регрессии нет точности: её ответ — число, а не класс",
	LossNames: map[string]string{
		"sigmoid": "перекрёстная энтропия",
		"tanh":    "½ квадрата ошибки",
		"linear":  "½ квадрата ошибки",
		"softmax": "перекрёстная энтропия",
	},
	ShowTest:    "Показать тестовые точки",
	Discretize:  "Только классы (без оттенков)",
	PlotAlt:     "Граница решений: выход сети на плоскости x₁, x₂ от −6 до 6; обучающих точек %d, тестовых на графике %d.",
	PlotLabel:   "График выхода сети",
	PlotKeys:    "Щелчок по графику показывает расчёт в этой точке (или ставит точку — для своих данных). С клавиатуры: стрелки двигают точку, Enter ставит или убирает точку там.",
	LossTitle:   "Функция потерь по эпохам",
	LossAlt:     "Функция потерь на обучении и на тесте за %d {эпоху|эпохи|эпох}; сейчас %s и %s.",
	LossValues:  "Потери и точность числами",
	ColEpoch:    "Эпоха",
	SeriesTrain: "обучение",
	SeriesTest:  "тест",

	Diverged:       "Обучение разошлось на эпохе %d: функция потерь или вес перестали быть конечными числами (вероятно, скорость обучения слишком велика). Сеть показана такой, какой она была на эпохе %d.",
	AtLimit:        "Обучение остановлено на эпохе %d. Дальше ссылка должна хранить сами веса, а %d {вес|веса|весов} этой сети в ссылку (8 КБ) не помещаются. Чтобы учить дольше, уменьшите сеть — меньше скрытых слоёв, нейронов или входов, до %d {веса|весов|весов}.",
	AtMaxEpochs:    "Ссылка хранит не больше %d {эпохи|эпох|эпох}.",
	FromCheckpoint: "График начинается с эпохи %d: ссылка хранит веса на этой эпохе, а не историю обучения до неё.",
	StoppedEpoch:   "Остановлено на эпохе %d, как задано.",
	StoppedLoss:    "Остановлено: потери на тесте стали меньше %s.",
	CatchingUp:     "Браузер воспроизводит ссылку: эпоха %d из %d…",

	MathTitle:     "Расчёт",
	MathNone:      "Нажмите на нейрон или связь на схеме сети — здесь появится расчёт с числами.",
	MathAt:        "В точке (x₁, x₂) = (%s; %s)",
	ProbeX:        "x₁ точки",
	ProbeY:        "x₂ точки",
	ColInput:      "Вход",
	ColValue:      "Значение aᵢ",
	ColWeight:     "Вес wᵢ",
	ColProduct:    "wᵢ·aᵢ",
	WeightedSum:   "Взвешенная сумма",
	ActivationOut: "Активация",
	ClassPos:      "синий (+1)",
	ClassNeg:      "оранжевый (−1)",
	Class:         "Класс: %s",
	Prediction:    "Предсказание",
	InputFeature:  "Вход %s",
	FeatureValue:  "%s в этой точке = %s",
	WeightFrom:    "Вес связи %s → %s",
	WeightPart:    "Его вклад в сумму нейрона %s здесь: %s",
	SetWeight:     "Задать вес",
	SetBias:       "Задать смещение",
	EditValue:     "Новое значение",
	Bias:          "Смещение b",
	Neuron:        "Нейрон",
	HiddenNeuron:  "Скрытый слой %d, нейрон %d",
	OutputNeuron:  "Выход сети",

	EditsTitle:  "Изменения по ходу обучения",
	EditWeight:  "после эпохи %d: вес %s = %s",
	EditBias:    "после эпохи %d: смещение %s = %s",
	EditSetting: "эпохи до %d: %s = %s",

	ExportTitle:       "Скачать",
	ExportWeights:     "Веса (JSON)",
	ExportData:        "Точки и предсказания (CSV)",
	ExportHistory:     "История функции потерь (CSV)",
	ExportBoundarySVG: "Граница решений (SVG)",
	ExportBoundaryPNG: "Граница решений (PNG)",
	ExportLossSVG:     "График функции потерь (SVG)",
	ExportLossPNG:     "График функции потерь (PNG)",

	AboutTitle: "Как это устроено",
	About: []string{
		"Каждый нейрон считает взвешенную сумму своих входов плюс смещение и пропускает её через функцию активации — как на странице «Нейрон». Скрытый слой превращает входы в новые признаки, выход сети складывает их в ответ: вероятность синего класса (сигмоида) или число (регрессия).",
		"Эпоха — один проход по всем обучающим точкам. Точки идут пакетами; после каждого пакета веса сдвигаются против градиента функции потерь (стохастический градиентный спуск). Потери на тесте считаются по точкам, которых сеть не видела: если они растут, а на обучении падает — сеть переобучается.",
		"Один нейрон в скрытом слое проводит только одну прямую, и круг им не отделить; четырёх уже хватает. Попробуйте сами кнопками «+» и «−».",
		"Ссылка на страницу хранит всё: данные, сеть, настройки, достигнутую эпоху и ваши правки. Её можно отправить — у получателя обучение повторится до последнего бита, а сервер покажет ту же картинку даже без JavaScript.",
	},

	FieldNames: map[string]string{
		"data":  "набор точек (data)",
		"pts":   "свои точки (pts)",
		"noise": "шум (noise)",
		"train": "доля обучающих точек (train)",
		"seed":  "зерно (seed)",
		"in":    "входы (in)",
		"h":     "скрытые слои (h)",
		"act":   "функция активации (act)",
		"out":   "выход (out)",
		"lr":    "скорость обучения (lr)",
		"bs":    "размер пакета (bs)",
		"reg":   "регуляризация (reg)",
		"rr":    "коэффициент регуляризации (rr)",
		"e":     "эпоха (e)",
		"ck":    "контрольная точка обучения (ck)",
		"ed":    "изменение (ed)",
		"stop":  "эпоха остановки (stop)",
		"tl":    "порог потерь (tl)",
		"test":  "тестовые точки (test)",
		"disc":  "только классы (disc)",
		"tool":  "действие щелчка (tool)",
		"sel":   "выбранный нейрон или вес (sel)",
		"px":    "x₁ точки (px)",
		"py":    "x₂ точки (py)",
		"wv":    "новое значение (wv)",
		"pt.x":  "щелчок по графику, x",
		"pt.y":  "щелчок по графику, y",
	},
}

var enNetwork = NetworkMessages{
	Title: "A simple neural network",
	Lead:  "A network of an input layer, a hidden layer and an output learns to tell the blue points from the orange ones. Pick the data and the number of hidden neurons, press Play, and watch the decision boundary, the neurons' outputs and the loss change.",

	DataTitle:     "Data",
	DatasetLegend: "Dataset",
	Datasets: map[string]string{
		"circle":    "Circle",
		"xor":       "Exclusive or (XOR)",
		"gauss":     "Two Gaussian clouds",
		"spiral":    "Spiral",
		"reg-plane": "Plane (regression)",
		"reg-gauss": "Bumps (regression)",
		"own":       "Your own points",
	},
	Noise:          "Noise, %",
	Split:          "Share of training points, %",
	Seed:           "Random seed",
	Regenerate:     "New points",
	RegenerateHelp: "A new seed: other points and other initial weights.",
	NoiseOwnHelp:   "Noise does not apply to your own points.",

	ToolLegend: "A click on the plot",
	Tools: map[string]string{
		"probe": "shows the arithmetic at that point",
		"pos":   "places a blue point (+1)",
		"neg":   "places an orange point (−1)",
		"del":   "removes the nearest point",
	},
	ClearPoints: "Remove all points",
	PointsCount: "%d {point|points} (%d blue, %d orange)",
	OwnHelp:     "Click or tap the plot to place points; choose their class above. The points are kept in the link.",
	OwnTooFew:   "Place at least two points (of both colours, preferably) so the network has something to learn.",

	FeaturesTitle: "Inputs",
	FeaturesHelp:  "Which functions of the point (x₁, x₂) the network is given. Each picture shows the function over the plane.",

	NetworkTitle: "Network",
	HiddenLayers: "Hidden layers: %d",
	AddLayer:     "Add a layer",
	RemoveLayer:  "Remove the last layer",
	LayerNeurons: "Layer %d: %d {neuron|neurons}",
	AddNeuron:    "Add a neuron to layer %d",
	RemoveNeuron: "Remove a neuron from layer %d",
	Activation:   "Activation of the hidden layers",
	Output:       "Output and loss",
	Outputs: map[string]string{
		"sigmoid": "Sigmoid σ + cross-entropy (classes)",
		"tanh":    "tanh + squared error (as TensorFlow Playground)",
		"linear":  "Linear + squared error (regression)",
		"softmax": "Softmax + cross-entropy (several classes)",
	},
	DiagramHelp: "Click a neuron or a link to see its arithmetic and to edit a weight. A line's width is the weight's size, its colour the sign: blue plus, orange minus. The picture in a neuron is its output over the whole plane.",
	DiagramAlt:  "Network diagram: %d {input|inputs}, hidden layers: %s, %d {parameter|parameters}.",
	NoHidden:    "none",

	TrainingTitle:  "Training",
	Reset:          "Reset to epoch 0",
	Play:           "Play",
	Pause:          "Pause",
	Step:           "Step: +1 epoch",
	TrainN:         "+%d {epoch|epochs}",
	NoScriptTrain:  "Without JavaScript the server trains: each button replays the link and moves the training on.",
	Epoch:          "Epoch",
	LearningRate:   "Learning rate",
	Batch:          "Batch size",
	Regularization: "Regularization",
	Regs: map[string]string{
		"none": "None",
		"l1":   "L1",
		"l2":   "L2",
	},
	RegRate:  "Regularization rate",
	StopAt:   "Stop at epoch",
	StopLoss: "Stop when the test loss is below",
	StopHelp: "0: never stop.",

	OutputTitle: "Result",
	TrainLoss:   "Training loss",
	TestLoss:    "Test loss",
	TrainAcc:    "Training accuracy",
	TestAcc:     "Test accuracy",
	NoAccuracy:  "regression has no accuracy: its answer is a number, not a class",
	LossNames: map[string]string{
		"sigmoid": "cross-entropy",
		"tanh":    "½ squared error",
		"linear":  "½ squared error",
		"softmax": "cross-entropy",
	},
	ShowTest:    "Show the test points",
	Discretize:  "Classes only (no shades)",
	PlotAlt:     "Decision boundary: the network's output over the plane x₁, x₂ from −6 to 6; %d training {point|points}, %d test {point|points} shown.",
	PlotLabel:   "Plot of the network's output",
	PlotKeys:    "A click on the plot shows the arithmetic at that point (or places a point, with your own data). With the keyboard: the arrows move the point, Enter places or removes a point there.",
	LossTitle:   "Loss by epoch",
	LossAlt:     "Training and test loss over %d {epoch|epochs}; now %s and %s.",
	LossValues:  "The loss and accuracy as numbers",
	ColEpoch:    "Epoch",
	SeriesTrain: "training",
	SeriesTest:  "test",

	Diverged:       "Training diverged at epoch %d: the loss or a weight stopped being a finite number (the learning rate is probably too high). The network is shown as it was at epoch %d.",
	AtLimit:        "Training stops at epoch %d. Past it the link must hold the weights themselves, and this network's %d {weight|weights} do not fit in a link (8 KB). To train longer, shrink the network: fewer hidden layers, neurons or inputs, down to %d {weight|weights}.",
	AtMaxEpochs:    "A link holds at most %d {epoch|epochs}.",
	FromCheckpoint: "The curve starts at epoch %d: the link holds the weights of that epoch, not the training before it.",
	StoppedEpoch:   "Stopped at epoch %d, as set.",
	StoppedLoss:    "Stopped: the test loss fell below %s.",
	CatchingUp:     "Your browser is replaying the link: epoch %d of %d…",

	MathTitle:     "The arithmetic",
	MathNone:      "Click a neuron or a link in the network diagram and its arithmetic, with the numbers, appears here.",
	MathAt:        "At the point (x₁, x₂) = (%s; %s)",
	ProbeX:        "x₁ of the point",
	ProbeY:        "x₂ of the point",
	ColInput:      "Input",
	ColValue:      "Value aᵢ",
	ColWeight:     "Weight wᵢ",
	ColProduct:    "wᵢ·aᵢ",
	WeightedSum:   "Weighted sum",
	ActivationOut: "Activation",
	ClassPos:      "blue (+1)",
	ClassNeg:      "orange (−1)",
	Class:         "Class: %s",
	Prediction:    "Prediction",
	InputFeature:  "Input %s",
	FeatureValue:  "%s at this point = %s",
	WeightFrom:    "Weight of the link %s → %s",
	WeightPart:    "Its part of neuron %s's sum here: %s",
	SetWeight:     "Set the weight",
	SetBias:       "Set the bias",
	EditValue:     "New value",
	Bias:          "Bias b",
	Neuron:        "Neuron",
	HiddenNeuron:  "Hidden layer %d, neuron %d",
	OutputNeuron:  "The network's output",

	EditsTitle:  "Changes made during training",
	EditWeight:  "after epoch %d: weight %s = %s",
	EditBias:    "after epoch %d: bias %s = %s",
	EditSetting: "epochs up to %d: %s = %s",

	ExportTitle:       "Download",
	ExportWeights:     "Weights (JSON)",
	ExportData:        "Points and predictions (CSV)",
	ExportHistory:     "Loss history (CSV)",
	ExportBoundarySVG: "Decision boundary (SVG)",
	ExportBoundaryPNG: "Decision boundary (PNG)",
	ExportLossSVG:     "Loss chart (SVG)",
	ExportLossPNG:     "Loss chart (PNG)",

	AboutTitle: "How it works",
	About: []string{
		"Each neuron computes the weighted sum of its inputs plus a bias and passes it through an activation function, as on the Neuron page. The hidden layer turns the inputs into new features; the output combines them into the answer: the probability of the blue class (sigmoid) or a number (regression).",
		"An epoch is one pass over all training points. The points go in batches; after each batch the weights take a step against the gradient of the loss (stochastic gradient descent). The test loss is measured on points the network never trains on: if it rises while the training loss falls, the network is overfitting.",
		"One hidden neuron draws a single straight line and cannot enclose the circle; four can. Try it with the + and − buttons.",
		"The page's link holds everything: the data, the network, the settings, the epoch reached and your edits. Send it, and the training repeats to the last bit for whoever opens it; the server shows the same picture even without JavaScript.",
	},

	FieldNames: map[string]string{
		"data":  "dataset (data)",
		"pts":   "your points (pts)",
		"noise": "noise (noise)",
		"train": "share of training points (train)",
		"seed":  "seed (seed)",
		"in":    "inputs (in)",
		"h":     "hidden layers (h)",
		"act":   "activation (act)",
		"out":   "output (out)",
		"lr":    "learning rate (lr)",
		"bs":    "batch size (bs)",
		"reg":   "regularization (reg)",
		"rr":    "regularization rate (rr)",
		"e":     "epoch (e)",
		"ck":    "training checkpoint (ck)",
		"ed":    "edit (ed)",
		"stop":  "stop epoch (stop)",
		"tl":    "loss threshold (tl)",
		"test":  "test points (test)",
		"disc":  "classes only (disc)",
		"tool":  "click action (tool)",
		"sel":   "selected neuron or weight (sel)",
		"px":    "x₁ of the point (px)",
		"py":    "x₂ of the point (py)",
		"wv":    "new value (wv)",
		"pt.x":  "click on the plot, x",
		"pt.y":  "click on the plot, y",
	},
}
