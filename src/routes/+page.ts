// Public pages are complete HTML without JavaScript: nothing to download, nothing to break.
export const csr = false;
