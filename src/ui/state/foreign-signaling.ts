// Anyone who knows a peer-to-peer room's id can publish to its signaling topic. y-webrtc decrypts each
// message with the room key and leaves the promise of one that does not decrypt (a page holding the id
// but another key) unhandled: a stream of unhandled WebCrypto `OperationError`s on every honest screen.
// Such a message is simply not from the room; this drops those rejections, and only those.

let installed = false;

/** A rejection is a failed decryption when WebCrypto reports it as an OperationError. */
export function isFailedDecryption(reason: unknown): boolean {
  return typeof DOMException !== 'undefined' && reason instanceof DOMException && reason.name === 'OperationError';
}

export function ignoreForeignSignaling(scope: Pick<Window, 'addEventListener'> = window): void {
  if (installed) return;
  installed = true;
  scope.addEventListener('unhandledrejection', (event) => {
    if (isFailedDecryption(event.reason)) event.preventDefault();
  });
}
