import { z } from "zod";
import { text } from "@/lib/http/text.schemas";

export const PASSWORD_MIN_LENGTH = 12;

export const EmailSchema = text()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const CreateUserInputSchema = z
  .object({
    email: EmailSchema,
    password: text()
      .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(256, "Password must be at most 256 characters"),
    name: text().trim().min(1, "Enter your name").max(100, "Name must be at most 100 characters"),
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
