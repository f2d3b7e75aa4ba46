// Console behaviour without inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // htmx requests carry the CSRF token like forms do
  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // forms and buttons with data-confirm ask first
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // charts: <div class="chart" data-chart-url="…"> gets {labels:[…], series:[{name, values:[…]}]} from the URL
  function drawCharts() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('.chart[data-chart-url]').forEach(function (element) {
      fetch(element.getAttribute('data-chart-url'), {credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) {
            element.textContent = '暂无数据';
            return;
          }
          var chart = window.echarts.init(element);
          chart.setOption({
            tooltip: {trigger: 'axis'},
            legend: {},
            grid: {left: 40, right: 20, top: 30, bottom: 30},
            xAxis: {type: 'category', data: data.labels},
            yAxis: {type: 'value', minInterval: 1},
            series: data.series.map(function (s) { return {name: s.name, type: 'bar', data: s.values}; })
          });
          element.setAttribute('data-chart-ready', 'true');
          window.addEventListener('resize', function () { chart.resize(); });
        });
    });
  }

  window.addEventListener('load', drawCharts);
})();
