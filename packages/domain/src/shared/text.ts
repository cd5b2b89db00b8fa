// Text that can be stored: no NUL or other control characters (a line break and a tab only where a
// text may have lines) and no unpaired UTF-16 surrogates — PostgreSQL refuses both, so letting them
// through would fail after the card was charged (M1: nothing that can fail after the charge may
// reach it). The security issue's fuller rules (NFC, lengths in user-perceived characters) build on this.
const CONTROL = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const TEXT_REFUSED = "Remove the invisible or broken characters from this text";

/** True when the text can be stored as one line (names, addresses). */
export const isPlainLine = (s: string) => !CONTROL.test(s) && !LONE_SURROGATE.test(s);
/** True when the text can be stored, line breaks and tabs allowed (messages, notes). */
export const isPlainText = (s: string) => !CONTROL_EXCEPT_LINES.test(s) && !LONE_SURROGATE.test(s);
