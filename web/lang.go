package web

import (
	"strconv"
	"strings"

	"nnplay/web/i18n"
)

// negotiate picks the interface language: the link's, else the best
// supported language of the Accept-Language header, else i18n.Default.
func negotiate(explicit i18n.Lang, acceptLanguage string) i18n.Lang {
	if explicit != "" {
		return explicit
	}
	best, bestQ := i18n.Default, 0.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		l, ok := i18n.Parse(primary)
		if !ok {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
