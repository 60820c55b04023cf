import * as assert from 'node:assert/strict';
import { gitDirOf, gitUser } from '../../src/core/gitConfig';

describe('git config reading (for raisedBy)', () => {
  it('reads user.name and user.email of the [user] section, later values winning', () => {
    const text = [
      '[core]',
      '\tname = not me',
      '[user]',
      '\tname = Ana Lima',
      '\temail = ana@example.com ; work',
      '[user "other"]',
      '\tname = Not Either',
      '[USER]',
      '\tName = "Ana \\"Ace\\" Lima" # nickname',
    ].join('\n');
    assert.deepEqual(gitUser(text), { name: 'Ana "Ace" Lima', email: 'ana@example.com' });
  });

  it('gives nothing for a config without a user', () => {
    assert.deepEqual(gitUser('[core]\n\tbare = false\n'), {});
    assert.deepEqual(gitUser(''), {});
  });

  it('follows a .git file to its git directory', () => {
    assert.equal(gitDirOf('gitdir: ../.git/worktrees/feature\n'), '../.git/worktrees/feature');
    assert.equal(gitDirOf('nonsense'), undefined);
  });
});
