package i18n

// ConvMessages are the words of the /conv page.
type ConvMessages struct {
	Title string
	Lead  string
	// FieldNames names the page's link parameters in error messages.
	FieldNames map[string]string
}

var ruConv = ConvMessages{
	Title:      "TODO",
	Lead:       "TODO",
	FieldNames: map[string]string{"TODO": "TODO"},
}

var enConv = ConvMessages{
	Title:      "TODO",
	Lead:       "TODO",
	FieldNames: map[string]string{"TODO": "TODO"},
}
