import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { nameText, text } from "@/lib/http/text.schemas";

export { PASSWORD_MIN_LENGTH };

export const EMAIL_MAX_LENGTH = 254;
export const USER_NAME_MAX_LENGTH = 100;

export const EmailSchema = text()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, `Email must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email("Enter a valid email address"));

/** Length only; strength depends on who chooses it, so the schemas using it add passwordWeakness(). */
const NewPasswordSchema = text()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .describe(`At least ${PASSWORD_MIN_LENGTH} characters, and not easy to guess (not common, not a pattern, not your email or name)`);

export const CreateUserInputSchema = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    name: nameText().trim().min(1, "Enter your name").max(USER_NAME_MAX_LENGTH, `Name must be at most ${USER_NAME_MAX_LENGTH} characters`),
  })
  .superRefine((input, context) => {
    const weakness = passwordWeakness(input.password, [input.email, input.name]);
    if (weakness) context.addIssue({ code: "custom", path: ["password"], message: weakness });
  })
  .meta({ id: "CreateUserInput" });
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: text().min(1).max(256),
});

export const UserSchema = z
  .object({ id: text(), email: text(), name: text() })
  .meta({ id: "User" });
export type User = z.infer<typeof UserSchema>;

export const MeSchema = UserSchema.extend({
  createdAt: z.iso.datetime(),
  authenticatedVia: z.enum(["session", "token"]),
}).meta({ id: "Me" });
export type Me = z.infer<typeof MeSchema>;

export const ChangePasswordInputSchema = z
  .object({
    currentPassword: text().min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH),
    newPassword: NewPasswordSchema,
  })
  .meta({ id: "ChangePasswordInput" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const RevokedSessionsSchema = z
  .object({ revokedSessions: z.number().int().describe("How many signed-in sessions were ended") })
  .meta({ id: "RevokedSessions" });
export type RevokedSessions = z.infer<typeof RevokedSessionsSchema>;
