package i18n

// ErrorMessages are the error pages and the parts of a field error message.
// A field error reads "<field> = «<value>»: <problem>. <allowed>."
type ErrorMessages struct {
	BadRequestTitle string
	BadRequestLead  string
	NotFoundTitle   string
	NotFoundText    string
	MethodTitle     string
	MethodText      string
	TooLongTitle    string
	// TooLongText has one verb: the limit in bytes.
	TooLongText      string
	TooLargeTitle    string
	TooLargeText     string
	InternalTitle    string
	InternalText     string
	UnavailableTitle string
	UnavailableText  string
	BackHome         string

	// FieldIndexed names the n-th element of a list field: verbs are the
	// field's name and n.
	FieldIndexed string
	// FieldRowIndexed names the n-th number of row r of a table field:
	// verbs are the field's name, r and n.
	FieldRowIndexed string
	// FieldRow names row r of a table field: verbs are the name and r.
	FieldRow string
	// Quote quotes a value the user gave; verb: the value.
	Quote string
	// Empty stands for an empty value in a message.
	Empty string

	NotNumber     string
	NotFinite     string
	OutOfRange    string
	Unknown       string
	Malformed     string
	UnknownVer    string
	Mismatch      string // verbs: count of values, count expected
	RowLength     string // verbs: values in the row, inputs
	TooMany       string // verb: the count given
	TooFew        string // verb: the count given
	BadEscape     string
	Missing       string
	TooLarge      string
	Corrupt       string
	NotInteger    string
	Conflict      string
	TooCostly     string // verbs: the epoch given, the furthest epoch allowed
	Underflow     string
	AllowedRange  string // verbs: min, max
	AllowedCount  string // verbs: min, max
	AllowedOneOf  string // verb: the options, comma-separated
	AllowedNumber string
}

var ruErrors = ErrorMessages{
	BadRequestTitle:  "В ссылке ошибка",
	BadRequestLead:   "Некоторые значения не подходят. Исправьте их в форме ниже — остальное из ссылки сохранено.",
	NotFoundTitle:    "Страница не найдена",
	NotFoundText:     "Такой страницы нет. Проверьте адрес или начните с урока.",
	MethodTitle:      "Метод не поддерживается",
	MethodText:       "Эта страница отвечает только на обычные запросы GET.",
	TooLongTitle:     "Слишком длинная ссылка",
	TooLongText:      "Ссылка длиннее %d {байта|байт|байт}. nnplay не создаёт таких длинных ссылок: скорее всего, её обрезали или изменили.",
	TooLargeTitle:    "Слишком большой запрос",
	TooLargeText:     "Запрос больше, чем принимает сервер.",
	InternalTitle:    "Внутренняя ошибка",
	InternalText:     "На сервере что-то сломалось. Мы записали подробности; попробуйте ещё раз чуть позже.",
	UnavailableTitle: "Сервер перегружен",
	UnavailableText:  "Сейчас слишком много тяжёлых запросов. Повторите через несколько секунд.",
	BackHome:         "К уроку",

	FieldIndexed:    "%s №%d",
	FieldRowIndexed: "%s, строка %d, число %d",
	FieldRow:        "%s, строка %d",
	Quote:           "«%s»",
	Empty:           "пусто",
	NotNumber:       "это не число (числа пишутся в десятичной записи: 12, -0.5, 1e-3)",
	NotFinite:       "NaN и бесконечность не допускаются",
	OutOfRange:      "число вне допустимого диапазона",
	Unknown:         "такого значения нет",
	Malformed:       "неверный формат",
	UnknownVer:      "неизвестная версия ссылки",
	Mismatch:        "дано %d {значение|значения|значений}, а нужно %d",
	RowLength:       "в строке %d {число|числа|чисел}, а нужно %d — по числу входов",
	TooMany:         "слишком много: %d",
	TooFew:          "слишком мало: %d",
	BadEscape:       "ссылка повреждена (неверное %-кодирование или «;»)",
	Missing:         "значение не задано, а без него нельзя",
	TooLarge:        "слишком большие данные",
	Corrupt:         "данные повреждены: ссылку обрезали или изменили",
	NotInteger:      "нужно целое число",
	Conflict:        "не сочетается с другими значениями ссылки",
	TooCostly:       "столько эпох сервер не воспроизводит: %d, а эту сеть на этих точках — не больше %d: пересчитывать ссылку дольше было бы слишком тяжело для сервера",
	Underflow:       "слишком близко к нулю: наименьшее число, которое хранится без потери точности, — 2.2·10⁻³⁰⁸; ноль пишется как 0",
	AllowedRange:    "Допустимо: число от %s до %s",
	AllowedCount:    "Допустимо: от %d до %d",
	AllowedOneOf:    "Допустимо: %s",
	AllowedNumber:   "Допустимо: число с точкой, например 0.5 или -2",
}

var enErrors = ErrorMessages{
	BadRequestTitle:  "There is a problem with this link",
	BadRequestLead:   "Some values are not allowed. Fix them in the form below; the rest of the link is kept.",
	NotFoundTitle:    "Page not found",
	NotFoundText:     "There is no such page. Check the address, or start from the lesson.",
	MethodTitle:      "Method not allowed",
	MethodText:       "This page answers plain GET requests only.",
	TooLongTitle:     "The link is too long",
	TooLongText:      "The link is longer than %d {byte|bytes}. nnplay never makes links that long, so it was most likely cut or edited.",
	TooLargeTitle:    "Request too large",
	TooLargeText:     "The request is larger than the server accepts.",
	InternalTitle:    "Internal error",
	InternalText:     "Something broke on the server. The details were logged; please try again a little later.",
	UnavailableTitle: "The server is busy",
	UnavailableText:  "There are too many heavy requests right now. Try again in a few seconds.",
	BackHome:         "Back to the lesson",

	FieldIndexed:    "%s #%d",
	FieldRowIndexed: "%s, row %d, number %d",
	FieldRow:        "%s, row %d",
	Quote:           "“%s”",
	Empty:           "empty",
	NotNumber:       "not a number (numbers are written in decimal: 12, -0.5, 1e-3)",
	NotFinite:       "NaN and infinity are not allowed",
	OutOfRange:      "out of the allowed range",
	Unknown:         "no such value",
	Malformed:       "malformed",
	UnknownVer:      "unknown link version",
	Mismatch:        "%d {value|values} where %d {is|are} needed",
	RowLength:       "%d {number|numbers} where %d {is|are} needed, one per input",
	TooMany:         "too many: %d",
	TooFew:          "too few: %d",
	BadEscape:       "the link is damaged (bad %-encoding or a “;”)",
	Missing:         "missing, and it is needed",
	TooLarge:        "the data is too large",
	Corrupt:         "the data is damaged: the link was cut or edited",
	NotInteger:      "a whole number is needed",
	Conflict:        "does not go with the link's other values",
	TooCostly:       "too many epochs for the server to replay: %d, while this network on these points replays at most %d: replaying the link longer would be too heavy for the server",
	Underflow:       "too near zero: the smallest number kept without losing digits is 2.2·10⁻³⁰⁸; zero is written 0",
	AllowedRange:    "Allowed: a number from %s to %s",
	AllowedCount:    "Allowed: from %d to %d",
	AllowedOneOf:    "Allowed: %s",
	AllowedNumber:   "Allowed: a number with a decimal point, such as 0.5 or -2",
}
