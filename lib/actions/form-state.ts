/** State of a form driven by `useActionState`. */
export interface FormState {
  ok?: boolean;
  error?: string;
  fields?: Record<string, string>;
  /** Echo of non-secret inputs, so a failed submit loses nothing the user typed. */
  values?: Record<string, string>;
  message?: string;
}

/** A text field of a submitted form; "" when absent or when the caller sent something other than form data. */
export function formString(data: FormData, key: string): string {
  if (!(data instanceof FormData)) return "";
  const v = data.get(key);
  return typeof v === "string" ? v : "";
}
