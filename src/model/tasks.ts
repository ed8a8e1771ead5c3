// Yielding to the page between slices of long work (loading, drawing, reading a stored map).

/** In a task of its own, after whatever the page has queued: the page draws and takes input first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
