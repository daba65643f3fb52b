import { useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { addClaim } from '../../case/claims/claimMutations';

/** `ref` is the text box, so that the N shortcut can focus it. */
export function NewClaimForm({
  ref,
  onAdded,
}: {
  ref: Ref<HTMLTextAreaElement>;
  onAdded: (claimId: string) => void;
}) {
  const withCase = useWithCase();
  const [text, setText] = useState('');
  const { error, run } = useAction();

  const submit = () =>
    void run(async () => {
      const claim = await withCase(addClaim, { text });
      setText('');
      onAdded(claim.id);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  // Enter adds the claim, as in a chat box; Shift+Enter starts a new line.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="new-claim" onSubmit={onSubmit}>
      <label htmlFor="new-claim-text">New claim</label>
      <textarea
        autoComplete="off"
        id="new-claim-text"
        ref={ref}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="A factual sentence the story will make  ( N )"
      />
      <button type="submit">Add claim</button>
      <ErrorMessage error={error} />
    </form>
  );
}
