package i18n

// ConvMessages are the words of the /conv page.
type ConvMessages struct {
	Title string
	Lead  string

	ImageLegend string
	Source      string
	SourceHelp  string
	// Images names the preset images by token, and the sources "grid"
	// and "draw".
	Images    map[string]string
	GridLabel string
	GridHelp  string
	OwnLegend string

	DrawTitle   string
	Brush       string
	Eraser      string
	BrushSize   string
	Undo        string
	Clear       string
	CanvasSize  string
	CanvasLabel string // verbs: width, height
	DrawHelp    string

	UploadLabel  string
	UploadButton string
	UploadHelp   string // verbs: the largest side in pixels, the largest file in MB
	UploadBad    string
	UploadHuge   string // verbs: w, h, the largest side
	UploadBig    string // verb: the largest file in MB
	UploadNone   string
	UploadBusy   string
	UploadSlow   string
	UploadCostly string
	// Shrunk says the link holds a smaller copy; verbs: w, h, orig w, h.
	Shrunk string

	KernelsLegend string
	Kernel        string // verb: the kernel's number
	KernelPreset  string
	// Kernels names the preset kernels by token.
	Kernels      map[string]string
	Custom       string
	Weights      string
	WeightsHelp  string
	AddKernel    string
	RemoveKernel string // verb: the kernel's number

	SettingsLegend string
	Stride         string
	Padding        string
	// Paddings names the paddings by token.
	Paddings   map[string]string
	Flip       string
	FlipHelp   string
	Clip       string
	ClipHelp   string
	Activation string
	Pool       string
	// PoolOps names the pooling operations by token.
	PoolOps    map[string]string
	PoolSize   string
	PoolStride string

	InputTitle string
	InputAlt   string // verbs: w, h
	InputRange string // verbs: w, h, lowest, highest

	SizeTitle string
	SizeWhere string
	Width     string
	Height    string
	SameNote  string // the same-padding convention (Keras'), shown with same
	// PadSplit says where an axis's padding zeros go; verbs: zeros
	// before, zeros after (plural groups follow each).
	PadSplit string
	// PaddingHelp says which conventions the paddings follow.
	PaddingHelp string

	MapsTitle   string
	MapCaption  string // verbs: kernel number, kernel name, w, h, min, max
	MapAlt      string // verbs: kernel number, kernel name, w, h
	Diverging   string
	Clipped     string
	Numbers     string
	NumbersNote string // verb: the largest table side
	DownloadPNG string
	DownloadCSV string
	Empty       string

	StepTitle  string
	StepLead   string
	Cell       string // verbs: x, y, kernel number
	First      string
	Prev       string
	Play       string
	Pause      string
	Next       string
	Last       string
	Speed      string
	Goto       string
	Window     string
	WindowAlt  string // verbs: kernel side w, h, x, y of the window's top-left
	Sum        string
	PadNote    string
	Products   string
	Kernel2    string // "the kernel" as a table caption
	OutputGrid string
	CellLink   string // verbs: x, y, value

	StageTitle string
	StageLead  string
	StageConv  string
	StageAct   string // verb: the activation's name
	StagePool  string // verbs: op name, size, size, stride
	StageAlt   string // verbs: stage name, w, h

	// FieldNames names the page's link parameters in error messages.
	FieldNames map[string]string
}

var ruConv = ConvMessages{
	Title: "Свёртка изображения",
	Lead:  "Свёрточный слой скользит небольшим фильтром (ядром) по изображению: в каждом положении он умножает пиксели под собой на свои веса, складывает произведения и записывает сумму в карту признаков. Нарисуйте картинку, наберите матрицу или откройте фото, выберите фильтр и пройдите свёртку по шагам.",

	ImageLegend: "Изображение",
	Source:      "Исходное изображение",
	SourceHelp:  "Готовая картинка, свои числа или свой рисунок.",
	Images: map[string]string{
		"lesson": "Матрица из урока (5×5)",
		"digit":  "Рукописная цифра (8×8, значения 0…16)",
		"shapes": "Фигуры (64×64)",
		"camera": "Фото: фотограф (128×128)",
		"cat":    "Фото: кошка Челси (128×85)",
		"grid":   "Свои числа",
		"draw":   "Мой рисунок или файл",
	},
	GridLabel: "Числа изображения",
	GridHelp:  "Один ряд пикселей — одна строка, числа через пробел или запятую, дробная часть через точку. До 16×16.",
	OwnLegend: "Своё изображение: файл или числа",

	DrawTitle:   "Рисовать",
	Brush:       "Кисть",
	Eraser:      "Ластик",
	BrushSize:   "Толщина",
	Undo:        "Отменить",
	Clear:       "Новый холст",
	CanvasSize:  "Размер нового холста",
	CanvasLabel: "Холст %d×%d пикселей: рисуйте мышью, пальцем или пером",
	DrawHelp:    "Кисть рисует белым (255), ластик — чёрным (0). Карта пересчитывается на каждом движении.",

	UploadLabel:  "Картинка из файла (PNG, JPEG, GIF)",
	UploadButton: "Открыть",
	UploadHelp:   "Станет серой и уменьшится до %d×%d. Файл не больше %d МБ.",
	UploadBad:    "Это не картинка PNG, JPEG или GIF, или файл повреждён.",
	UploadHuge:   "Картинка %d×%d слишком велика: каждая сторона — не больше %d пикселей.",
	UploadBig:    "Файл больше %d МБ.",
	UploadNone:   "Выберите файл с картинкой.",
	UploadBusy:   "Сервер сейчас занят другими картинками. Попробуйте ещё раз через несколько секунд.",
	UploadSlow:   "Файл передавался дольше 10 секунд, и сервер прервал приём. Попробуйте файл поменьше или соединение побыстрее.",
	UploadCostly: "Эту картинку слишком долго раскодировать (JPEG из очень многих проходов). Сохраните её как обычный JPEG или PNG.",
	Shrunk:       "Изображение уменьшено до %d×%d (исходное — %d×%d): картинки больше 256×256 уменьшаются, а ссылка должна быть короче 8 КБ. Так его видите вы, и так его увидят по ссылке.",

	KernelsLegend: "Фильтры (ядра свёртки)",
	Kernel:        "Фильтр %d",
	KernelPreset:  "Фильтр",
	Kernels: map[string]string{
		"lesson":        "Фильтр из урока",
		"identity":      "Тождественный",
		"box-blur":      "Размытие (среднее)",
		"gaussian-blur": "Размытие по Гауссу",
		"sharpen":       "Резкость",
		"outline":       "Контур (лапласиан)",
		"sobel-left":    "Собель: левые края",
		"sobel-right":   "Собель: правые края",
		"sobel-top":     "Собель: верхние края",
		"sobel-bottom":  "Собель: нижние края",
		"emboss":        "Тиснение",
	},
	Custom:       "Свои веса",
	Weights:      "Веса",
	WeightsHelp:  "Строка — ряд ядра, числа через пробел; от 1×1 до 7×7. Изменили веса — фильтр стал «своим».",
	AddKernel:    "Добавить фильтр",
	RemoveKernel: "Убрать фильтр %d",

	SettingsLegend: "Параметры свёртки",
	Stride:         "Шаг S (stride)",
	Padding:        "Дополнение нулями (padding)",
	Paddings: map[string]string{
		"valid": "нет (valid): фильтр внутри изображения",
		"same":  "same: карта того же размера",
		"full":  "full: каждое касание фильтра",
	},
	Flip:       "Настоящая свёртка: повернуть ядро на 180°",
	FlipHelp:   "Нейросети считают взаимную корреляцию (без поворота); в математике свёртка поворачивает ядро.",
	Clip:       "Показать как простые редакторы: значения меньше 0 — чёрным, больше 255 — белым",
	ClipHelp:   "Без этого ноль показан серым, положительное — светлее, отрицательное — темнее. С обрезкой отрицательное станет чёрным.",
	Activation: "Функция активации",
	Pool:       "Пулинг (подвыборка)",
	PoolOps: map[string]string{
		"max": "максимум (max)",
		"avg": "среднее (avg)",
	},
	PoolSize:   "Окно пулинга",
	PoolStride: "Шаг пулинга",

	InputTitle: "Входное изображение",
	InputAlt:   "Входное изображение %d×%d",
	InputRange: "%d×%d, значения от %s до %s",

	SizeTitle:   "Размер карты признаков",
	SizeWhere:   "W — ширина или высота изображения, K — размер ядра, P₁ и P₂ — нули до (слева, сверху) и после (справа, снизу), S — шаг; дробная часть отбрасывается.",
	Width:       "по ширине",
	Height:      "по высоте",
	SameNote:    "Same — по правилу TensorFlow/Keras: карта ⌈W/S⌉, нулей всего max((⌈W/S⌉ − 1)·S + K − W, 0), меньшая половина до, остальное после.",
	PadSplit:    "%d {ноль|нуля|нулей} до, %d {ноль|нуля|нулей} после",
	PaddingHelp: "same — как в TensorFlow/Keras (padding=\"same\"): при шаге 1 карта того же размера, при шаге S — ⌈W/S⌉, и нулей может не понадобиться вовсе. PyTorch при шаге больше 1 same не принимает.",

	MapsTitle:   "Карты признаков",
	MapCaption:  "Фильтр %d «%s»: карта %d×%d, значения от %s до %s",
	MapAlt:      "Карта признаков фильтра %d «%s», %d×%d",
	Diverging:   "Ноль — серый, положительное — светлее, отрицательное — темнее.",
	Clipped:     "Значения обрезаны к 0…255: отрицательные отклики стали чёрными, большие — белыми.",
	Numbers:     "Числа карты",
	NumbersNote: "Таблица чисел показана для карт до %d×%d; все числа — в CSV.",
	DownloadPNG: "Скачать PNG",
	DownloadCSV: "Скачать CSV",
	Empty:       "Фильтр не помещается в изображение: карта пуста. Выберите дополнение same или full, либо фильтр поменьше.",

	StepTitle:  "Шаг за шагом",
	StepLead:   "Фильтр ставится на изображение, каждый пиксель под ним умножается на свой вес, произведения складываются, сумма записывается в клетку карты — и фильтр сдвигается на шаг.",
	Cell:       "Клетка (%d, %d) карты %d",
	First:      "В начало",
	Prev:       "Назад",
	Play:       "Пуск",
	Pause:      "Пауза",
	Next:       "Дальше",
	Last:       "В конец",
	Speed:      "Скорость, шагов в секунду",
	Goto:       "Показать клетку",
	Window:     "Окно фильтра на изображении",
	WindowAlt:  "Окно %d×%d с левым верхним углом в (%d, %d)",
	Sum:        "Σ пиксель × вес",
	PadNote:    "Клетки за краем — нули дополнения.",
	Products:   "Пиксели под фильтром (вес — мелко)",
	Kernel2:    "Ядро",
	OutputGrid: "Карта: нажмите на клетку",
	CellLink:   "Клетка (%d, %d) = %s",

	StageTitle: "Слой CNN: свёртка → активация → пулинг",
	StageLead:  "Так карта проходит слой свёрточной сети из урока: функция активации к каждой клетке, затем пулинг сжимает карту, оставляя из каждого окна максимум или среднее.",
	StageConv:  "Свёртка",
	StageAct:   "Активация: %s",
	StagePool:  "Пулинг: %s, окно %d×%d, шаг %d",
	StageAlt:   "%s, %d×%d",

	FieldNames: map[string]string{
		"img":     "изображение (img)",
		"grid":    "числа изображения (grid)",
		"px":      "рисунок (px)",
		"src":     "исходный размер (src)",
		"k":       "фильтр (k)",
		"kv":      "веса фильтра (kv)",
		"stride":  "шаг (stride)",
		"pad":     "дополнение (pad)",
		"flip":    "поворот ядра (flip)",
		"scale":   "шкала (scale)",
		"act":     "функция активации (act)",
		"pool":    "пулинг (pool)",
		"psize":   "окно пулинга (psize)",
		"pstride": "шаг пулинга (pstride)",
		"sel":     "карта для шагов (sel)",
		"at":      "клетка (at)",
	},
}

var enConv = ConvMessages{
	Title: "Convolving an image",
	Lead:  "A convolutional layer slides a small filter (a kernel) over an image: at each position it multiplies the pixels under it by its weights, adds up the products and writes the sum into the feature map. Draw a picture, type a matrix or open a photo, pick a filter, and step through the convolution.",

	ImageLegend: "Image",
	Source:      "Source image",
	SourceHelp:  "A ready-made picture, your own numbers or your own drawing.",
	Images: map[string]string{
		"lesson": "The lesson's matrix (5×5)",
		"digit":  "A handwritten digit (8×8, values 0…16)",
		"shapes": "Shapes (64×64)",
		"camera": "Photo: a photographer (128×128)",
		"cat":    "Photo: Chelsea the cat (128×85)",
		"grid":   "My numbers",
		"draw":   "My drawing or file",
	},
	GridLabel: "The image's numbers",
	GridHelp:  "One row of pixels per line, numbers separated by spaces or commas, with a decimal point. Up to 16×16.",
	OwnLegend: "Your own image: a file or numbers",

	DrawTitle:   "Draw",
	Brush:       "Brush",
	Eraser:      "Eraser",
	BrushSize:   "Width",
	Undo:        "Undo",
	Clear:       "New canvas",
	CanvasSize:  "Size of a new canvas",
	CanvasLabel: "Canvas of %d×%d pixels: draw with a mouse, a finger or a pen",
	DrawHelp:    "The brush paints white (255), the eraser black (0). The map is recomputed on every move.",

	UploadLabel:  "A picture from a file (PNG, JPEG, GIF)",
	UploadButton: "Open",
	UploadHelp:   "It is made grey and scaled down to %d×%d. Files up to %d MB.",
	UploadBad:    "This is not a PNG, JPEG or GIF picture, or the file is damaged.",
	UploadHuge:   "The picture is %d×%d, too large: each side may be at most %d pixels.",
	UploadBig:    "The file is larger than %d MB.",
	UploadNone:   "Choose a picture file.",
	UploadBusy:   "The server is busy with other pictures. Try again in a few seconds.",
	UploadSlow:   "The file took longer than 10 seconds to arrive, and the server stopped waiting. Try a smaller file or a faster connection.",
	UploadCostly: "This picture would take too long to decode (a JPEG of very many passes). Save it as an ordinary JPEG or PNG.",
	Shrunk:       "The image is scaled down to %d×%d (the original is %d×%d): pictures larger than 256×256 are scaled down, and the link must stay under 8 KB. This is what you see, and what the link shows.",

	KernelsLegend: "Filters (convolution kernels)",
	Kernel:        "Filter %d",
	KernelPreset:  "Filter",
	Kernels: map[string]string{
		"lesson":        "The lesson's filter",
		"identity":      "Identity",
		"box-blur":      "Box blur",
		"gaussian-blur": "Gaussian blur",
		"sharpen":       "Sharpen",
		"outline":       "Outline (Laplacian)",
		"sobel-left":    "Sobel: left edges",
		"sobel-right":   "Sobel: right edges",
		"sobel-top":     "Sobel: top edges",
		"sobel-bottom":  "Sobel: bottom edges",
		"emboss":        "Emboss",
	},
	Custom:       "My weights",
	Weights:      "Weights",
	WeightsHelp:  "One kernel row per line, numbers separated by spaces; 1×1 to 7×7. Edit the weights and the filter becomes your own.",
	AddKernel:    "Add a filter",
	RemoveKernel: "Remove filter %d",

	SettingsLegend: "Convolution settings",
	Stride:         "Stride S",
	Padding:        "Zero padding",
	Paddings: map[string]string{
		"valid": "none (valid): the filter stays inside",
		"same":  "same: the map keeps the size",
		"full":  "full: every overlap counts",
	},
	Flip:       "True convolution: rotate the kernel by 180°",
	FlipHelp:   "Neural networks compute cross-correlation (no rotation); convolution in mathematics rotates the kernel.",
	Clip:       "Show as simple image editors do: below 0 black, above 255 white",
	ClipHelp:   "Without it zero is grey, positive lighter and negative darker. Clipped, negative responses turn black.",
	Activation: "Activation function",
	Pool:       "Pooling",
	PoolOps: map[string]string{
		"max": "maximum (max)",
		"avg": "average (avg)",
	},
	PoolSize:   "Pooling window",
	PoolStride: "Pooling stride",

	InputTitle: "The input image",
	InputAlt:   "The input image, %d×%d",
	InputRange: "%d×%d, values from %s to %s",

	SizeTitle:   "The feature map's size",
	SizeWhere:   "W is the image's width or height, K the kernel's size, P₁ and P₂ the zeros before (left, top) and after (right, bottom), S the stride; the fraction is dropped.",
	Width:       "across",
	Height:      "down",
	SameNote:    "Same follows TensorFlow/Keras: the map is ⌈W/S⌉, with max((⌈W/S⌉ − 1)·S + K − W, 0) zeros in all, the smaller half before and the rest after.",
	PadSplit:    "%d {zero|zeros} before, %d {zero|zeros} after",
	PaddingHelp: "same is TensorFlow/Keras' padding=\"same\": with stride 1 the map keeps the image's size, with stride S it is ⌈W/S⌉, and it may need no zeros at all. PyTorch refuses same with a stride above 1.",

	MapsTitle:   "Feature maps",
	MapCaption:  "Filter %d “%s”: a %d×%d map, values from %s to %s",
	MapAlt:      "The feature map of filter %d “%s”, %d×%d",
	Diverging:   "Zero is grey, positive lighter, negative darker.",
	Clipped:     "Values clipped to 0…255: negative responses turned black, large ones white.",
	Numbers:     "The map's numbers",
	NumbersNote: "The table of numbers is shown for maps up to %d×%d; the CSV has every number.",
	DownloadPNG: "Download PNG",
	DownloadCSV: "Download CSV",
	Empty:       "The filter does not fit in the image, so the map is empty. Choose same or full padding, or a smaller filter.",

	StepTitle:  "Step by step",
	StepLead:   "The filter is placed on the image, each pixel under it is multiplied by its weight, the products are added up, the sum is written into the map's cell, and the filter moves on by the stride.",
	Cell:       "Cell (%d, %d) of map %d",
	First:      "First",
	Prev:       "Back",
	Play:       "Play",
	Pause:      "Pause",
	Next:       "Next",
	Last:       "Last",
	Speed:      "Speed, steps per second",
	Goto:       "Show the cell",
	Window:     "The filter's window on the image",
	WindowAlt:  "A %d×%d window with its top-left corner at (%d, %d)",
	Sum:        "Σ pixel × weight",
	PadNote:    "Cells beyond the edge are padding zeros.",
	Products:   "The pixels under the filter (weights in small type)",
	Kernel2:    "Kernel",
	OutputGrid: "The map: press a cell",
	CellLink:   "Cell (%d, %d) = %s",

	StageTitle: "A CNN layer: convolution → activation → pooling",
	StageLead:  "This is how the map goes through a convolutional layer of the lesson: the activation is applied to every cell, then pooling shrinks the map, keeping the maximum or the average of each window.",
	StageConv:  "Convolution",
	StageAct:   "Activation: %s",
	StagePool:  "Pooling: %s, window %d×%d, stride %d",
	StageAlt:   "%s, %d×%d",

	FieldNames: map[string]string{
		"img":     "image (img)",
		"grid":    "the image's numbers (grid)",
		"px":      "drawing (px)",
		"src":     "original size (src)",
		"k":       "filter (k)",
		"kv":      "filter weights (kv)",
		"stride":  "stride",
		"pad":     "padding (pad)",
		"flip":    "kernel rotation (flip)",
		"scale":   "scale",
		"act":     "activation (act)",
		"pool":    "pooling (pool)",
		"psize":   "pooling window (psize)",
		"pstride": "pooling stride (pstride)",
		"sel":     "map to step through (sel)",
		"at":      "cell (at)",
	},
}
