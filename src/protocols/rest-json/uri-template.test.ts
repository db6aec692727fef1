import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileUriTemplate } from './uri-template.js';

const q = new URLSearchParams();

test('labels take one segment, greedy labels the rest, both percent-decoded', () => {
  assert.deepEqual(compileUriTemplate('/model/{modelId}/invoke').match('/model/a.b%3A0/invoke', q), { modelId: 'a.b:0' });
  assert.equal(compileUriTemplate('/model/{modelId}/invoke').match('/model/a/b/invoke', q), undefined);
  assert.deepEqual(compileUriTemplate('/{Bucket}/{Key+}').match('/b/dir/a%20b.txt', q), { Bucket: 'b', Key: 'dir/a b.txt' });
  assert.equal(compileUriTemplate('/{Bucket}/{Key+}').match('/b/', q), undefined);
});

test('literal query keys must be present; trailing slashes are tolerated', () => {
  const uploads = compileUriTemplate('/{Bucket}/{Key+}?uploads');
  assert.equal(uploads.match('/b/k', q), undefined);
  assert.deepEqual(uploads.match('/b/k', new URLSearchParams('uploads')), { Bucket: 'b', Key: 'k' });
  assert.deepEqual(compileUriTemplate('/foundation-models').match('/foundation-models/', q), {});
  assert.ok(uploads.specificity > compileUriTemplate('/{Bucket}/{Key+}').specificity);
});
