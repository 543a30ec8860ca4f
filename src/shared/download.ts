// Saving a file from an extension page through a normal download link (no `downloads`
// permission): the browser asks where, or uses its download folder.
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): number {
  const blob = new Blob([text], { type });
  downloadBlob(fileName, blob, doc);
  return blob.size;
}

export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
