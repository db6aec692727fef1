/** Blob bytes as the base64 text JSON wire formats carry (data URLs, Anthropic sources, AWS JSON blobs). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
