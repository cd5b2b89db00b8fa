// Sign-up and sign-in input: the same schemas validate the form and the server.
import { z } from "zod";
import { textField } from "../shared/text";

export { ROLE_HOME, ROLES, type Role } from "./roles";

export const emailSchema = z.email("Enter a valid email address").trim().toLowerCase().max(200);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export const signUpSchema = z.object({
  name: textField({ min: 1, max: 60, messages: { tooShort: "Enter your name", tooLong: "Name is too long" } }),
  email: emailSchema,
  password: z
    .string()
    .min(8, "Password must be at least 8 characters")
    .max(200, "Password is too long"),
  phone: z
    .string()
    .trim()
    .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, "Enter a phone number like 010-1234-5678")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

