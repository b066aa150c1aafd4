// The Chorus map (docs/maps.md): turns each <div class="chorus-map"> into a Leaflet map drawn from Chorus alone.
// Countries come from the bundled Natural Earth layer (data-countries); tiles only when the operator set a tile
// server (data-tiles). What is on the map comes from data-geojson, asked again for the visible box and zoom after
// each move: clusters (a count; activating one zooms in) and items (a popup with title, date and link), several
// items at one spot sharing one marker and a list. Text from the data only ever becomes DOM text, never HTML.
(function () {
  'use strict';

  var DEBOUNCE_MS = 250;

  // the map is laid out left to right in every language (its geometry is), but each text keeps its own direction
  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.dir = 'auto';
    if (className) element.className = className;
    element.textContent = value == null ? '' : String(value);
    return element;
  }

  // only a path on this site may become a link: never javascript:, never another host
  function safePath(url) {
    return typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/' && url.indexOf('\\') < 0
      ? url
      : null;
  }

  function format(template, value) {
    return String(template || '').replace('{0}', value);
  }

  function wrap(longitude) {
    return ((((longitude + 180) % 360) + 360) % 360) - 180;
  }

  function fixed(value) {
    return (Math.round(value * 1e5) / 1e5).toString();
  }

  // west,south,east,north as Chorus reads it (places.BoundingBox): longitudes within ±180, a box across the
  // antimeridian with its west east of its east, the whole width of the world when more than a world is visible
  function boxOf(map) {
    var bounds = map.getBounds();
    var west = bounds.getWest();
    var east = bounds.getEast();
    if (east - west >= 360) {
      west = -180;
      east = 180;
    } else {
      west = wrap(west);
      east = wrap(east);
      if (east === -180) east = 180;
    }
    var south = Math.max(-90, bounds.getSouth());
    var north = Math.min(90, bounds.getNorth());
    return [west, south, east, north].map(fixed).join(',');
  }

  function item(properties) {
    var entry = document.createElement('div');
    entry.className = 'chorus-map-item' + (properties.flagship ? ' chorus-map-item-flagship' : '');
    var path = safePath(properties.url);
    var title = text(path ? 'a' : 'strong', properties.title, 'chorus-map-title');
    if (path) title.href = path;
    entry.appendChild(title);
    if (properties.when) entry.appendChild(text('p', properties.when, 'chorus-map-when'));
    return entry;
  }

  function popupFor(features, labels) {
    var content = document.createElement('div');
    content.className = 'chorus-map-popup';
    if (features.length === 1) {
      content.appendChild(item(features[0].properties));
      return content;
    }
    content.appendChild(text('p', format(labels.several, features.length), 'chorus-map-several'));
    var list = document.createElement('ul');
    features.forEach(function (feature) {
      var entry = document.createElement('li');
      entry.appendChild(item(feature.properties));
      list.appendChild(entry);
    });
    content.appendChild(list);
    return content;
  }

  function clusterIcon(count, size) {
    var label = document.createElement('span');
    label.textContent = String(count);
    return L.divIcon({ className: 'chorus-map-cluster', html: label, iconSize: [size, size] });
  }

  function flagshipIcon() {
    var mark = document.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '★';
    return L.divIcon({ className: 'chorus-map-flagship', html: mark, iconSize: [30, 30], popupAnchor: [0, -12] });
  }

  // Leaflet makes a keyboard marker focusable with role=button, but Enter does not reach it in every browser:
  // Enter and Space activate it here, as they do any button
  function activatedByKeys(marker, activate) {
    marker.on('add', function () {
      marker.getElement().addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          event.stopPropagation();
          activate();
        }
      });
    });
    marker.on('click', activate);
    return marker;
  }

  function init(element) {
    if (element.dataset.chorusMapReady) return;
    element.dataset.chorusMapReady = 'true';
    var labels = {
      cluster: element.dataset.labelCluster || '{0}',
      several: element.dataset.labelSeveral || '{0}',
      failed: element.dataset.labelFailed || ''
    };
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var map = L.map(element, {
      fadeAnimation: !still,
      zoomAnimation: !still,
      markerZoomAnimation: !still,
      worldCopyJump: true,
      minZoom: 1,
      maxZoom: 18,
      zoomControl: true,
      keyboard: true,
      attributionControl: true
    });
    map.attributionControl.setPrefix(false);
    if (element.dataset.attribution) map.attributionControl.addAttribution(element.dataset.attribution);
    var center = (element.dataset.center || '20,0').split(',').map(Number);
    map.setView([center[0], center[1]], Number(element.dataset.zoom || 2));

    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18,
        attribution: element.dataset.tilesAttribution || '',
        referrerPolicy: 'no-referrer'
      }).addTo(map);
    }
    if (element.dataset.countries) {
      fetch(element.dataset.countries, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (topology) {
          var countries = topojson.feature(topology, topology.objects.countries);
          var layer = L.geoJSON(countries, { interactive: false, className: 'chorus-map-country' });
          layer.addTo(map);
          layer.bringToBack();
          element.classList.add('chorus-map-countries-drawn');
        })
        .catch(function () {
          element.classList.add('chorus-map-countries-failed');
        });
    }

    var markers = L.layerGroup().addTo(map);
    var status = document.getElementById(element.dataset.status || '');
    var pending = null;
    var timer = null;

    function draw(collection) {
      markers.clearLayers();
      var spots = {};
      var order = [];
      (collection.features || []).forEach(function (feature) {
        if (!feature || !feature.geometry || feature.geometry.type !== 'Point') return;
        var coordinates = feature.geometry.coordinates;
        var latLng = L.latLng(coordinates[1], coordinates[0]);
        var properties = feature.properties || {};
        if (properties.cluster) {
          var count = Number(properties.count) || 0;
          var size = Math.min(64, 28 + 6 * Math.floor(Math.log10(Math.max(1, count)) * 2));
          var cluster = L.marker(latLng, {
            icon: clusterIcon(count, size),
            title: format(labels.cluster, count),
            alt: format(labels.cluster, count),
            keyboard: true,
            riseOnHover: true
          });
          activatedByKeys(cluster, function () {
            map.setView(latLng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
          });
          markers.addLayer(cluster);
          return;
        }
        var key = coordinates[1] + ',' + coordinates[0];
        if (!spots[key]) {
          spots[key] = { latLng: latLng, features: [] };
          order.push(key);
        }
        spots[key].features.push(feature);
      });
      order.forEach(function (key) {
        var spot = spots[key];
        var flagship = spot.features.some(function (f) {
          return f.properties && f.properties.flagship;
        });
        var title =
          spot.features.length === 1
            ? String(spot.features[0].properties.title || '')
            : format(labels.several, spot.features.length);
        var options = { title: title, alt: title, keyboard: true, riseOnHover: true };
        if (flagship) {
          options.icon = flagshipIcon();
          options.zIndexOffset = 1000;
        }
        var marker = L.marker(spot.latLng, options);
        marker.bindPopup(popupFor(spot.features, labels));
        activatedByKeys(marker, function () {
          if (!marker.isPopupOpen()) marker.openPopup();
        });
        markers.addLayer(marker);
      });
      element.dataset.features = String((collection.features || []).length);
    }

    function load() {
      if (!element.dataset.geojson) return;
      if (pending) pending.abort();
      pending = new AbortController();
      var url = element.dataset.geojson;
      url += (url.indexOf('?') < 0 ? '?' : '&') + 'bbox=' + boxOf(map) + '&zoom=' + map.getZoom();
      fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/geo+json' },
        signal: pending.signal
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (collection) {
          draw(collection);
          if (status) status.textContent = '';
        })
        .catch(function (error) {
          if (error && error.name === 'AbortError') return;
          if (status) status.textContent = labels.failed;
        });
    }

    map.on('moveend', function () {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    });
    load();
  }

  function start() {
    if (typeof L === 'undefined') return;
    Array.prototype.forEach.call(document.querySelectorAll('.chorus-map'), init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
