/** Option value parsers: a bad value is a usage error (exit 2) naming the option. */
import { InvalidArgumentError } from "commander";

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of 1 or more.");
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError("must be a number of 0 or more.");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a number greater than 0.");
  return n;
}

/** `--param key=value`, repeatable. */
export function collectParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const i = value.indexOf("=");
  if (i <= 0) throw new InvalidArgumentError(`"${value}" is not key=value.`);
  const key = value.slice(0, i).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(key)) throw new InvalidArgumentError(`"${key}" is not a valid parameter name.`);
  return { ...previous, [key]: value.slice(i + 1) };
}

/** Comma-separated values, each one of `allowed`. */
export function csvOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const list = value.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((s) => !(allowed as readonly string[]).includes(s));
    if (bad.length || list.length === 0) throw new InvalidArgumentError(`must be one or more of ${allowed.join(", ")} (comma-separated).`);
    return list as T[];
  };
}
