// Cell renderers the dashboard's grids name in their columnDefs (dash-ag-grid looks them up
// here). A grid draws a list of hundreds of rows as one Dash component; the same list as
// Dash tables and buttons costs about a millisecond per component in the browser.
(function () {
  const components = (window.dashAgGridComponentFunctions =
    window.dashAgGridComponentFunctions || {});

  // A link to the row's page: cellRendererParams.href names the field that holds it.
  components.RowLink = function (props) {
    const href = props.data && props.data[props.colDef.cellRendererParams.href];
    if (!href) {
      return props.value;
    }
    return React.createElement('a', { href: href }, props.value);
  };

  // A button that sends its row's id to the grid's cellRendererData (the page's callback
  // acts on it): cellRendererParams.label and .title (a field of the row) say what it does.
  components.RowButton = function (props) {
    const params = props.colDef.cellRendererParams;
    return React.createElement(
      'button',
      {
        type: 'button',
        className: 'btn btn-outline-success btn-sm py-0',
        title: props.data ? props.data[params.title] : '',
        onClick: function () {
          props.setData(props.data.id);
        },
      },
      params.label
    );
  };
})();
