package arabic

import "strings"

// stopwords in normalized spelling (Normalize): function words that carry no
// search meaning. Prepositions with attached pronouns are included.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopwordList) {
		m[Normalize(w)] = true
	}
	return m
}()

const stopwordList = `
في من إلى الى على عن مع ما لا لم لن إن أن ان إنه أنه انه إنها أنها كان كانت يكون تكون
هذا هذه ذلك تلك هؤلاء أولئك هو هي هم هن نحن أنا أنت انت هما
التي الذي الذين اللذين اللتين اللواتي اللاتي
و أو او ثم بل لكن لكنّ قد لقد كل بعض أي أيّ غير سوى حتى إذا اذا إذ لو لولا كي كيف متى أين حيث
عند عندما بين بعد قبل منذ خلال حول ضد دون فوق تحت أمام وراء لدى لدي
فيه فيها فيهم منه منها منهم عليه عليها عليهم عنه عنها عنهم له لها لهم به بها بهم إليه إليها
وفي ومن وإلى وعلى وعن ومع وما ولا ولم وأن وإن وهو وهي وقد وكان وكانت وهذا وهذه وذلك
ليس ليست أيضا أيضاً كما مثل لأن لان إلا الا أما إما هل نعم يا عبر وفق وفقا وفقاً ضمن
`

// IsStopword reports whether the normalized word w is a stopword.
func IsStopword(w string) bool { return stopwords[w] }
