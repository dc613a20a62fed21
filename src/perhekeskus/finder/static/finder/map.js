/* The map of places, drawn with Leaflet from the page's JSON data block. The list below the map
   holds the same places, so the map adds a view and takes nothing away. */
(function () {
  "use strict";
  var section = document.getElementById("map-section");
  var element = document.getElementById("map");
  var dataBlock = document.getElementById("map-data");
  if (!section || !element || !dataBlock || typeof L === "undefined") return;

  var data = JSON.parse(dataBlock.textContent);
  var options = element.dataset;
  section.hidden = false;
  var layout = document.querySelector("[data-map-layout]");
  if (layout) layout.classList.add("has-map");

  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(options.tileUrl, { maxZoom: 18, attribution: options.attribution }).addTo(map);

  function icon(meeting) {
    return L.icon({
      iconUrl: options.icon,
      iconRetinaUrl: options.icon2x,
      shadowUrl: options.shadow,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
      className: meeting ? "is-meeting" : ""
    });
  }

  function paragraph(text, strong) {
    var p = document.createElement("p");
    var node = document.createElement(strong ? "strong" : "span");
    node.textContent = text;
    p.appendChild(node);
    return p;
  }

  // Popups are built from text nodes: names and addresses are never read as HTML.
  function popup(place) {
    var box = document.createElement("div");
    box.appendChild(paragraph(place.name, true));
    if (place.meeting) box.appendChild(paragraph(options.meetingLabel));
    if (place.address) box.appendChild(paragraph(place.address));
    if (place.status) box.appendChild(paragraph(place.status));
    if (place.events && place.events.length) {
      box.appendChild(paragraph(options.eventsLabel));
      var list = document.createElement("ul");
      place.events.forEach(function (event) {
        var item = document.createElement("li");
        var title = document.createElement("a");
        title.href = event.url;
        title.textContent = event.title;
        item.appendChild(title);
        item.appendChild(
          document.createTextNode(" " + event.when + (event.seats ? " (" + event.seats + ")" : ""))
        );
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var link = document.createElement("a");
    link.href = "#place-" + place.id;
    link.textContent = options.detailsLabel;
    link.addEventListener("click", function (event) {
      var target = document.getElementById("place-" + place.id);
      if (!target) return;
      event.preventDefault();
      history.replaceState(null, "", link.href);
      target.scrollIntoView();
      target.focus();
    });
    var p = document.createElement("p");
    p.appendChild(link);
    box.appendChild(p);
    return box;
  }

  var markers = {};
  var bounds = [];
  data.places.forEach(function (place) {
    var marker = L.marker([place.lat, place.lon], {
      icon: icon(place.meeting),
      title: place.name,
      alt: place.name,
      keyboard: true
    }).addTo(map);
    marker.bindPopup(popup(place));
    markers[place.id] = marker;
    bounds.push([place.lat, place.lon]);
  });

  if (data.focus && markers[data.focus]) {
    map.setView(markers[data.focus].getLatLng(), 15);
    markers[data.focus].openPopup();
  } else if (data.near && bounds.length) {
    // The nearest few places and the point searched from.
    map.fitBounds([data.near].concat(bounds.slice(0, 5)), { padding: [30, 30], maxZoom: 14 });
  } else if (bounds.length) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
  } else {
    map.setView([64.5, 26.0], 5); // Finland
  }
  element.setAttribute("data-ready", "true");
})();
