/** Saves text as a file through a temporary object URL (no server involved). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoke later: some browsers start the download asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
