// MIGRATION ONLY (issue 13): callers move to callApi/uploadToApi/openDownload in lib/http/api-client.ts.
export { ApiError, apiFetch } from "@/lib/http/api-client";
