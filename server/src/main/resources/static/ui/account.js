// The pages behind the links in account e-mails: each posts the link's token to the API and says what happened.
const token = new URLSearchParams(location.search).get('token') || '';
const status = document.getElementById('status');

async function post(path, body) {
  status.textContent = 'Working…';
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(Object.assign({token}, body)),
    });
    const json = await response.json().catch(() => ({}));
    if (response.ok) {
      status.textContent = document.body.dataset.done;
      status.className = 'ok';
      document.querySelectorAll('form').forEach(form => form.remove());
    } else {
      const detail = Array.isArray(json.detail) ? json.detail.map(d => d.msg).join('; ') : json.detail;
      status.textContent = detail || ('Request failed (' + response.status + ')');
      status.className = 'error';
    }
  } catch (e) {
    status.textContent = 'Could not reach the server: ' + e.message;
    status.className = 'error';
  }
}

const form = document.querySelector('form');
if (form) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form).entries());
    post(document.body.dataset.api, fields);
  });
} else {
  post(document.body.dataset.api, {});
}
