"use client";

import { useMutation } from "@tanstack/react-query";
import { callApi } from "@/lib/http/api-client";
import type { CreateApiTokenInput } from "@/lib/tokens/token.schemas";
import { createApiTokenEndpoint, revokeApiTokenEndpoint } from "@/lib/tokens/tokens.endpoints";

// The token list is rendered on the server (Settings → API tokens); callers refresh the page on success.

/** Creates a token. No Idempotency-Key: a replayable answer would keep the secret in the idempotency table. */
export function useCreateApiToken() {
  return useMutation({ mutationFn: (input: CreateApiTokenInput) => callApi(createApiTokenEndpoint, { body: input }) });
}

export function useRevokeApiToken(tokenId: string) {
  return useMutation({ mutationFn: () => callApi(revokeApiTokenEndpoint, { params: { tokenId } }) });
}
