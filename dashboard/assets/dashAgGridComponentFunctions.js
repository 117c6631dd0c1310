// Cell renderers the dashboard's grids name in their columnDefs (dash-ag-grid looks them up
// here). A grid draws a list of hundreds of rows as one Dash component; the same list as
// Dash tables and buttons costs about a millisecond per component in the browser.
(function () {
  const components = (window.dashAgGridComponentFunctions =
    window.dashAgGridComponentFunctions || {});

  // The grid moves the keyboard focus from cell to cell, never into a cell's link or
  // button: Enter on the focused cell does what a click on them does.
  function onEnter(props, act) {
    React.useEffect(
      function () {
        const cell = props.eGridCell;
        if (!cell) {
          return undefined;
        }
        const press = function (event) {
          if (event.key === 'Enter') {
            event.preventDefault();
            act();
          }
        };
        cell.addEventListener('keydown', press);
        return function () {
          cell.removeEventListener('keydown', press);
        };
      },
      [props.eGridCell, props.data]
    );
  }

  // Another page of the dashboard without loading it again, as Dash's own dcc.Link does.
  function go(href) {
    window.history.pushState({}, '', href);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
    window.scrollTo(0, 0);
  }

  // A link to the row's page: cellRendererParams.href names the field that holds it. A
  // click with a modifier key (a new tab or window) is left to the browser.
  components.RowLink = function (props) {
    const href = props.data && props.data[props.colDef.cellRendererParams.href];
    onEnter(props, function () {
      if (href) {
        go(href);
      }
    });
    if (!href) {
      return props.value;
    }
    const click = function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      go(href);
    };
    return React.createElement('a', { href: href, tabIndex: -1, onClick: click }, props.value);
  };

  // A button that sends its row's id to the grid's cellRendererData (the page's callback
  // acts on it): cellRendererParams.label and .title (a field of the row) say what it does;
  // .refused names a field that, when it holds a reason, disables the button and says why;
  // .color is the button's Bootstrap colour (default success).
  components.RowButton = function (props) {
    const params = props.colDef.cellRendererParams;
    const refused = params.refused && props.data ? props.data[params.refused] : '';
    const send = function () {
      if (!refused) {
        props.setData(props.data.id);
      }
    };
    onEnter(props, send);
    return React.createElement(
      'button',
      {
        type: 'button',
        tabIndex: -1,
        className: 'btn btn-outline-' + (params.color || 'success') + ' btn-sm py-0',
        title: refused || (props.data ? props.data[params.title] : ''),
        disabled: !!refused,
        onClick: send,
      },
      params.label
    );
  };
})();
