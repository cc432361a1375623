"use client";

import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ApiError, formErrorMessage } from "@/lib/http/api-client";
import { useChangePassword } from "@/lib/users/client/user-queries";
import { FormField } from "@/components/ui/form-field";

/** Settings → Password: the current password and a new one; other sessions end. */
export function PasswordForm() {
  const [status, setStatus] = useState("");
  const changePassword = useChangePassword();
  const error = changePassword.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setStatus("");
    changePassword.mutate(
      { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") },
      {
        onSuccess: ({ revokedSessions }) => {
          form.reset();
          setStatus(
            `Password changed.${revokedSessions > 0 ? ` ${revokedSessions} other session${revokedSessions === 1 ? " was" : "s were"} signed out.` : ""}`,
          );
        },
      },
    );
  }

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p role="status" className="muted">
        {status}
      </p>
      {error && (
        <p className="alert alert-error" role="alert">
          {formErrorMessage(error, ["currentPassword", "newPassword"])}
        </p>
      )}
      <FormField type="password" id="currentPassword" label="Current password" autoComplete="current-password" error={fieldErrors.currentPassword} />
      <FormField
        type="password"
        id="newPassword"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters and hard to guess. Your other sessions will be signed out.`}
        error={fieldErrors.newPassword}
      />
      <button type="submit" disabled={changePassword.isPending}>
        {changePassword.isPending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
