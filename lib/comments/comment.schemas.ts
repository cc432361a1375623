import { z } from "zod";
import { text } from "@/lib/http/text.schemas";
import { PaginationQuerySchema, pageSchema } from "@/lib/http/pagination";

export const COMMENT_MAX_LENGTH = 5000;

export const CreateCommentInputSchema = z
  .object({
    body: text()
      .trim()
      .min(1, "Write something before posting the comment")
      .max(COMMENT_MAX_LENGTH, `Comments are at most ${COMMENT_MAX_LENGTH} characters; split a longer note into several`),
  })
  .strict()
  .meta({ id: "CreateCommentInput" });

export type CreateCommentInput = z.infer<typeof CreateCommentInputSchema>;

export const CommentMentionSchema = z
  .object({
    userId: text(),
    name: text(),
    start: z.int().describe("UTF-16 offset of the '@' in body"),
    end: z.int(),
  })
  .meta({ id: "CommentMention" });

export const CommentSchema = z
  .object({
    id: text(),
    claimId: text(),
    body: text().describe("Plain text; never HTML"),
    author: z.object({ id: text(), name: text() }),
    mentions: z.array(CommentMentionSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Comment" });

export type Comment = z.infer<typeof CommentSchema>;

export const CommentListSchema = pageSchema(CommentSchema).meta({ id: "CommentList" });
export type CommentList = z.infer<typeof CommentListSchema>;

export const ListCommentsQuerySchema = PaginationQuerySchema;
