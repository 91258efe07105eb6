// Placeholder: the preload (issue 4).
export {}
