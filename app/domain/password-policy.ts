/**
 * What a staff password must be: long enough, and not one that is guessed first. Length is what matters most
 * (NIST SP 800-63B); on top of it we refuse the passwords and patterns seen most in leaked lists (English and
 * Vietnamese), the username itself, and numbers alone (a phone number or a birthday).
 */
import { msg, type Message } from "./messages";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Whole passwords of 10 characters or more found near the top of leaked lists (shorter ones fail on length). */
const COMMON_PASSWORDS = new Set([
  "1234567890", "0123456789", "0987654321", "9876543210", "1111111111", "0000000000", "1234512345", "12345678910",
  "123456789a", "a123456789", "123456789q", "q123456789", "123456789z", "abc1234567", "abcd123456", "abcde12345",
  "123456abcd", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "qwertyuiop", "asdfghjkl1",
  "zxcvbnm123", "qazwsxedc123", "1qazxsw23edc", "qwerty1234", "qwerty12345", "qwerty123456", "123qweasdzxc",
  "aa123456789", "aa12345678", "123456789abc", "1234567890a", "iloveyou12", "iloveyou123", "princess123",
  "sunshine12", "football123", "baseball123", "superman123", "trustno1234", "dragon1234", "monkey12345",
  "welcome123", "welcome1234", "changeme123", "letmein123", "administrator", "admin12345", "admin123456",
  "admin@1234", "admin@12345", "abc@123456", "aa@123456789", "p@ssw0rd123", "p@ssword123", "password@123",
  "passw0rd123", "password12", "password123", "password1234", "password12345", "matkhau123", "matkhau1234",
  "matkhau12345", "matkhaumoi", "matkhaucuatoi", "anhyeuem123", "anhyeuem1234", "emyeuanh123", "yeuemnhieu",
  "vietnam123", "vietnam1234", "vietnam2022", "vietnam2023", "vietnam2024", "hanoi12345", "hanoi123456",
  "saigon12345", "hochiminh123", "khongbiet123", "khongcogi123", "123456789@", "12345678@@", "1234567890@",
]);

/** Words that, with only digits and symbols around them, make a guessed password ("matkhau@2024", "Admin#123456"). */
const COMMON_WORDS = new Set([
  "password", "passw", "pass", "admin", "administrator", "qwerty", "qwertyuiop", "asdfgh", "zxcvbn", "iloveyou",
  "welcome", "letmein", "changeme", "abc", "abcd", "abcde", "abcdef", "aa", "a", "q", "z", "matkhau", "mk",
  "anhyeuem", "emyeuanh", "yeuem", "vietnam", "hanoi", "saigon", "sipas", "khaosat", "canbo", "user", "test",
  "demo", "staff", "login", "dangnhap",
]);

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", $: "s" };

function isRunOrRepeat(digits: string): boolean {
  if (/^(\d)\1+$/.test(digits)) return true;
  const up = "01234567890123456789";
  const down = "98765432109876543210";
  return up.includes(digits) || down.includes(digits);
}

/**
 * The reasons a new password is refused, in both languages; [] when it is acceptable. The username is compared
 * without case, and so are the common passwords.
 */
export function passwordProblems(password: string, username = ""): Message[] {
  const problems: Message[] = [];
  const length = [...password.normalize("NFC")].length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(msg("accounts.shortPassword", { min: MIN_PASSWORD_LENGTH }));
    return problems;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    problems.push(msg("accounts.longPassword", { max: MAX_PASSWORD_LENGTH }));
    return problems;
  }
  const lower = password.normalize("NFC").toLowerCase();
  const letters = lower.replace(/[^a-zà-ỹđ]/g, "");
  // "p@ssw0rd2024!": digits and symbols around the word are padding, inside it they stand for letters.
  const core = lower.replace(/^[^a-zà-ỹđ]+|[^a-zà-ỹđ]+$/g, "");
  const deLeeted = [...core].map((c) => LEET[c] ?? c).join("").replace(/[^a-zà-ỹđ]/g, "");
  const user = username.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_WORDS.has(letters) || COMMON_WORDS.has(deLeeted) || isRunOrRepeat(lower)) {
    problems.push(msg("accounts.commonPassword"));
  } else if (/^[\d\s.+\-/]+$/.test(lower)) {
    problems.push(msg("accounts.digitsOnly"));
  } else if (new Set(lower).size <= 3) {
    problems.push(msg("accounts.fewCharacters"));
  }
  // The username as the bulk of the password ("nguyenvana-2024"), not a word of a longer phrase.
  if (user.length >= 3 && ((lower.includes(user) && user.length * 2 >= length) || letters === user.replace(/[^a-z]/g, ""))) {
    problems.push(msg("accounts.containsUsername"));
  }
  return problems;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password from random bytes (given, so this stays pure): `xxxx-xxxx-xxxx`. */
export function temporaryPasswordFrom(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new Error("temporaryPasswordFrom needs 12 random bytes");
  const chars = [...bytes.slice(0, 12)].map((b) => TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
