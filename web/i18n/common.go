package i18n

// CommonMessages are the words every page shares: navigation, the language
// switch, the live/no-JS notes and the activations' names.
type CommonMessages struct {
	SiteName      string
	Tagline       string
	SkipToContent string
	NavLabel      string
	NavHome       string
	NavNeuron     string
	NavConv       string
	NavNetwork    string
	LangLabel     string
	CopyLink      string
	Copied        string
	CopyFailed    string
	Submit        string
	// Live is shown once the WebAssembly module runs the page.
	Live string
	// LiveFailed is shown when the module could not load; the page still
	// works as a form.
	LiveFailed string
	// NoScript is shown when JavaScript is off.
	NoScript string
	Footer   string
	// Activations names each engine activation, keyed by its token.
	Activations map[string]string
	// FieldNames names each link parameter shared by several pages, for
	// error messages; pages add their own.
	FieldNames map[string]string
}

// Name returns the language's name in itself, for the switch.
func (l Lang) Name() string {
	switch l {
	case RU:
		return "Русский"
	case EN:
		return "English"
	}
	return string(l)
}

var ruCommon = CommonMessages{
	SiteName:      "nnplay",
	Tagline:       "Песочница к уроку «Нейросети: основы»",
	SkipToContent: "Перейти к содержимому",
	NavLabel:      "Разделы",
	NavHome:       "Урок",
	NavNeuron:     "Нейрон",
	NavConv:       "Свёртка",
	NavNetwork:    "Сеть",
	LangLabel:     "Язык",
	CopyLink:      "Копировать ссылку",
	Copied:        "Ссылка скопирована",
	CopyFailed:    "Не удалось скопировать: выделите адрес в строке браузера",
	Submit:        "Посчитать",
	Live:          "Считается прямо в браузере: меняйте значения — результат обновляется сразу, а адрес страницы всегда ведёт к тому, что на экране.",
	LiveFailed:    "Не удалось запустить вычисления в браузере. Страница работает как обычная форма: измените значения и нажмите «Посчитать».",
	NoScript:      "JavaScript выключен: измените значения и нажмите «Посчитать» — сервер пересчитает страницу.",
	Footer:        "nnplay — открытая учебная песочница. Всё состояние страницы хранится в ссылке.",
	Activations: map[string]string{
		"sigmoid":    "Сигмоида (логистическая)",
		"tanh":       "Гиперболический тангенс",
		"relu":       "ReLU",
		"leaky-relu": "Leaky ReLU",
		"elu":        "ELU",
		"softplus":   "Softplus",
		"silu":       "SiLU (swish)",
		"linear":     "Линейная (тождественная)",
		"step":       "Ступенька (перцептрон Розенблатта)",
	},
	FieldNames: map[string]string{
		"v":    "версия ссылки (v)",
		"lang": "язык (lang)",
		"op":   "действие (op)",
	},
}

var enCommon = CommonMessages{
	SiteName:      "nnplay",
	Tagline:       "A playground for the lesson “Neural networks: the basics”",
	SkipToContent: "Skip to content",
	NavLabel:      "Sections",
	NavHome:       "Lesson",
	NavNeuron:     "Neuron",
	NavConv:       "Convolution",
	NavNetwork:    "Network",
	LangLabel:     "Language",
	CopyLink:      "Copy link",
	Copied:        "Link copied",
	CopyFailed:    "Could not copy: select the address in the browser's address bar",
	Submit:        "Compute",
	Live:          "Computed right in your browser: change any value and the result updates at once; the page's address always links to what you see.",
	LiveFailed:    "The in-browser computation could not start. The page works as a plain form: change the values and press “Compute”.",
	NoScript:      "JavaScript is off: change the values and press “Compute”, and the server recomputes the page.",
	Footer:        "nnplay is an open teaching playground. The page's whole state lives in its link.",
	Activations: map[string]string{
		"sigmoid":    "Sigmoid (logistic)",
		"tanh":       "Hyperbolic tangent",
		"relu":       "ReLU",
		"leaky-relu": "Leaky ReLU",
		"elu":        "ELU",
		"softplus":   "Softplus",
		"silu":       "SiLU (swish)",
		"linear":     "Linear (identity)",
		"step":       "Step (Rosenblatt's perceptron)",
	},
	FieldNames: map[string]string{
		"v":    "link version (v)",
		"lang": "language (lang)",
		"op":   "action (op)",
	},
}
