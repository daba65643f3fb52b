import { describe, expect, it } from 'vitest';
import { AskedOnInput } from '../../renderer/src/case/askedOnInput';

describe('an answer asked for as the user acts', () => {
  it('is asked once, taken once, then forgotten', async () => {
    const asked: string[] = [];
    const answers = new AskedOnInput<string>();
    const request = (key: string) => () => {
      asked.push(key);
      return Promise.resolve(`answer to ${key}`);
    };
    answers.ask('a', request('a'));
    answers.ask('a', request('a'));
    await expect(answers.take('a', request('a'))).resolves.toBe('answer to a');
    expect(asked).toEqual(['a']);
    // Taken: the next view asks again.
    await answers.take('a', request('a'));
    expect(asked).toEqual(['a', 'a']);
    // Another key asked meanwhile replaces it; a view of the first asks for its own.
    answers.ask('b', request('b'));
    await expect(answers.take('a', request('a'))).resolves.toBe('answer to a');
    expect(asked).toEqual(['a', 'a', 'b', 'a']);
  });

  it('hands a failure to the view that takes it, unhandled by none before', async () => {
    const answers = new AskedOnInput<string>();
    answers.ask('a', () => Promise.reject(new Error('the engine stopped')));
    await expect(answers.take('a', () => Promise.resolve('again'))).rejects.toThrow(
      'the engine stopped',
    );
  });
});
