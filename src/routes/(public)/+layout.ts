// Public pages are complete HTML without JavaScript: tiny, fast on weak 3G, nothing to break.
export const csr = false;
