// What the dashboard's gate (dashboard/guard.py) answers, said where Dash itself says
// nothing: a session that has expired sends the browser to the sign-in page, which says
// that the session ended and that the change just made was not saved; a refused
// callback, or a request too large, shows its reason at the top of the page (and a refused
// callback also in its form's feedback, which the gate names). A file over the
// upload limit is named before it is sent. Signing out forgets the filters the pages kept.
(function () {
  function show(message) {
    let box = document.getElementById('gate-message');
    if (!box) {
      box = document.createElement('div');
      box.id = 'gate-message';
      box.className = 'alert alert-danger gate-message';
      box.setAttribute('role', 'alert');
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.hidden = false;
    clearTimeout(box.timer);
    box.timer = setTimeout(function () { box.hidden = true; }, 8000);
  }
  window.graphmapGateMessage = show;

  // A refused callback's reason in its own form's feedback too (the gate names it), where
  // the user looks after pressing the form's button; the message at the top goes away.
  function said(feedback, message) {
    const clientside = window.dash_clientside;
    if (!feedback || !message || !clientside || !clientside.set_props) { return; }
    clientside.set_props(feedback, {
      children: {
        type: 'Div',
        namespace: 'dash_html_components',
        props: { children: message, className: 'alert alert-danger', role: 'alert' },
      },
    });
  }

  const original = window.fetch;
  window.fetch = function (resource) {
    const url = typeof resource === 'string' ? resource : (resource && resource.url) || '';
    return original.apply(this, arguments).then(function (response) {
      if (url.indexOf('/_dash-') !== -1 && [401, 403, 413].indexOf(response.status) !== -1) {
        if (response.status === 401) {
          const here = window.location.pathname + window.location.search;
          window.location.assign('/login?verlopen=1&next=' + encodeURIComponent(here));
        } else {
          response.clone().json()
            .then(function (body) {
              show(body.error || 'Dat mag u niet.');
              said(body.feedback, body.error);
            })
            .catch(function () { show('Dat mag u niet.'); });
        }
      }
      return response;
    });
  };

  function megabytes(n) { return (n / 1024 / 1024).toFixed(1).replace('.', ',') + ' MB'; }
  function check(files, target) {
    const zone = target && target.closest && target.closest('[data-max-bytes]');
    if (!zone || !files || !files.length) { return; }
    const limit = Number(zone.getAttribute('data-max-bytes'));
    const file = files[0];
    let message = '';
    if (file.size > limit) {
      message = file.name + ': het bestand is te groot (' + megabytes(file.size) +
        '; hoogstens ' + megabytes(limit) + ').';
      show(message);
    }
    // Beside the field as well, until another file is chosen (the top one goes after 8 s).
    const feedback = zone.getAttribute('data-size-feedback');
    const clientside = window.dash_clientside;
    if (feedback && clientside && clientside.set_props) {
      clientside.set_props(feedback, {
        children: message, className: message ? 'alert alert-danger mt-2 mb-0' : '',
      });
    }
  }
  document.addEventListener('change', function (event) {
    check(event.target.files, event.target);
  }, true);
  document.addEventListener('drop', function (event) {
    check(event.dataTransfer && event.dataTransfer.files, event.target);
  }, true);

  // The filters a page keeps in this tab (Dash's persistence) are the signed-in user's: who
  // signs in next on this computer starts on their own zone, not on the last one's choice.
  document.addEventListener('submit', function (event) {
    if (!event.target || event.target.id !== 'session-logout') { return; }
    Object.keys(window.sessionStorage)
      .filter(function (key) { return key.indexOf('_dash_persistence.') === 0; })
      .forEach(function (key) { window.sessionStorage.removeItem(key); });
  }, true);
})();
