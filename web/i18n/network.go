package i18n

// NetworkMessages are the words of the /network page.
type NetworkMessages struct {
	Title string
	Lead  string
	// FieldNames names the page's link parameters in error messages.
	FieldNames map[string]string
}

var ruNetwork = NetworkMessages{
	Title:      "TODO",
	Lead:       "TODO",
	FieldNames: map[string]string{"TODO": "TODO"},
}

var enNetwork = NetworkMessages{
	Title:      "TODO",
	Lead:       "TODO",
	FieldNames: map[string]string{"TODO": "TODO"},
}
