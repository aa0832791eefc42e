package i18n

// Lang is an interface language: RU or EN.
type Lang string

// The supported languages. RU is the default: the lesson is Russian.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// Default is the language used when neither the link nor the browser asks
// for a supported one.
const Default = RU

// Langs returns the supported languages in the order the switch lists them.
func Langs() []Lang { return []Lang{RU, EN} }

// Parse returns the language for a link's lang token, and whether it is
// supported.
func Parse(s string) (Lang, bool) {
	switch Lang(s) {
	case RU, EN:
		return Lang(s), true
	}
	return "", false
}

// For returns the messages in lang; an unsupported lang gets Default's.
func For(lang Lang) *Messages {
	if m, ok := catalogs[lang]; ok {
		return m
	}
	return catalogs[Default]
}

// Messages is the whole catalog in one language.
type Messages struct {
	Lang    Lang
	Common  CommonMessages
	Errors  ErrorMessages
	Home    HomeMessages
	Neuron  NeuronMessages
	Conv    ConvMessages
	Network NetworkMessages
	Code    CodeMessages
}

var catalogs = map[Lang]*Messages{
	RU: {Lang: RU, Common: ruCommon, Errors: ruErrors, Home: ruHome, Neuron: ruNeuron, Conv: ruConv, Network: ruNetwork, Code: ruCode},
	EN: {Lang: EN, Common: enCommon, Errors: enErrors, Home: enHome, Neuron: enNeuron, Conv: enConv, Network: enNetwork, Code: enCode},
}
