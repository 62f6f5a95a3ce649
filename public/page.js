// Copy buttons of the subscribe page. The clipboard API needs a secure context (https or localhost); elsewhere the
// link is selected and copied with execCommand, and if that fails too, left selected for Ctrl+C / Cmd+C.
'use strict';

function announce(text) {
  const status = document.querySelector('.copy-status');
  if (status) status.textContent = text;
}

function copyWithSelection(input) {
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

async function copy(button) {
  const input = document.getElementById(button.dataset.target);
  if (!input) return;
  let done = false;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(input.value);
      done = true;
    } catch {
      done = false;
    }
  }
  if (!done) done = copyWithSelection(input);
  if (!done) input.select();
  announce(done ? button.dataset.copied : button.dataset.failed);
  button.classList.toggle('done', done);
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button.copy') : null;
  if (button) void copy(button);
});
