// placeholder: the language server (issue 3)
