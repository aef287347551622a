/**
 * The words under an upload control: which kinds an `accept` list lets through, as locale keys
 * `upload.type.<kind>`, each once, in the order given. MIME types and extensions of one kind count once.
 */
export function acceptedKinds(accept: string): string[] {
  const kinds: string[] = [];
  const add = (kind: string) => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  for (const token of accept.split(',').map((item) => item.trim().toLowerCase())) {
    if (token === '.pdf' || token === 'application/pdf') add('pdf');
    else if (token === '.jpg' || token === '.jpeg' || token === 'image/jpeg') add('jpg');
    else if (token === '.png' || token === 'image/png') add('png');
    else if (token === '.xlsx') add('xlsx');
    else if (token === '.csv' || token === 'text/csv') add('csv');
    else if (token === '.json' || token === 'application/json') add('json');
    else if (token === 'image/*' && !kinds.includes('jpg') && !kinds.includes('png')) add('image');
  }
  return kinds;
}
