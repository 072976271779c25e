/**
 * Meta Page webhook deliveries as Meta sends them, and their `X-Hub-Signature-256`: one
 * definition for the webhook bench, the webhook crash test and the webhook API tests.
 */
import { createHmac } from 'node:crypto';

/** The `X-Hub-Signature-256` value Meta sends: HMAC-SHA256 of the raw body with the app secret, hex. */
export function metaSignature(body: string | Buffer, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex');
}

/** A Page webhook delivery (JSON text) with one comment added under one of the page's posts. */
export function metaCommentDelivery(comment: {
  pageId: string;
  postId: string;
  commentId: string;
  message: string;
  from: { id: string; name: string };
}): string {
  return JSON.stringify({
    object: 'page',
    entry: [
      {
        id: comment.pageId,
        time: 1772445600,
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb: 'add',
              comment_id: comment.commentId,
              post_id: comment.postId,
              parent_id: comment.postId,
              message: comment.message,
              from: comment.from,
              created_time: 1772445600,
            },
          },
        ],
      },
    ],
  });
}
