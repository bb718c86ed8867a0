// Sets the document language, so screen readers read the page in it (ui/language.py).
document.documentElement.lang = "ko";
