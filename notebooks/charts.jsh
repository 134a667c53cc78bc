// The cost charts notebooks 04, 05 and 06 share, loaded by their `%load charts.jsh` cell: one copy,
// and still plain XChart a reader can edit. The numbers come from the library (CostCurves); how
// they are drawn (series, colours, axes, titles) is here.
// Needs, from the notebook: `settings` (NotebookSettings) and `figures` (its folder for PNGs).

// One configuration over seeds: the mean training cost, the mean validation cost and the
// validation cost's lowest and highest seed, by iteration.
XYChart costChart(Table runs, Table checks, String configId, String title) {
    Table h = CostCurves.meanAndRange(runs, checks, configId);
    double[] iteration = h.numberColumn("Iteration").asDoubleArray();
    // create
    XYChart chart = new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT).title(title)
            .xAxisTitle("Iteration").yAxisTitle("Cost").build();
    // style: legend inside, top right, where the costs have already fallen away
    Theme.apply(chart);
    // series
    XYSeries train = chart.addSeries("Train cost (batch), mean", iteration, h.numberColumn("Mean [Train Cost]").asDoubleArray());
    train.setLineColor(Theme.TRAIN);
    train.setMarker(SeriesMarkers.NONE);
    XYSeries validation = chart.addSeries("Validation cost, mean", iteration, h.numberColumn("Mean [Validation Cost]").asDoubleArray());
    validation.setLineColor(Theme.VALIDATION);
    validation.setLineStyle(new java.awt.BasicStroke(2.5f));
    validation.setMarker(SeriesMarkers.NONE);
    for (String edge : List.of("Min", "Max")) {
        XYSeries band = chart.addSeries("Validation cost, " + edge.toLowerCase() + " over seeds", iteration,
                h.numberColumn(edge + " [Validation Cost]").asDoubleArray());
        band.setLineColor(Theme.VALIDATION);
        band.setLineStyle(new java.awt.BasicStroke(0.8f));
        band.setMarker(SeriesMarkers.NONE);
    }
    return chart;
}

// costChart for every batch size of a summary table, titled "<question>, batch size B, <rule>"
// and saved as <prefix>-bsB.png (saving writes only when the settings say so).
List<XYChart> costCharts(Table summary, Table runs, Table checks, String question, String rule, String prefix) {
    List<XYChart> charts = new ArrayList<>();
    for (Row r : summary) {
        int batchSize = r.getInt("Batch Size");
        XYChart chart = costChart(runs, checks, CostCurves.configIdAt(runs, batchSize), question + ", batch size " + batchSize + ", " + rule);
        charts.add(settings.save(chart, figures, prefix + "-bs" + batchSize + ".png"));
    }
    return charts;
}

// Every configuration's mean validation cost on one log-iteration axis, a colour per batch size;
// where both batchnorm modes share the chart, full batchnorm is dashed.
XYChart overview(Table runs, Table checks, String title) {
    // create
    XYChart chart = new XYChartBuilder().width(Theme.WIDTH).height(Theme.HEIGHT).title(title)
            .xAxisTitle("Iteration (log scale)").yAxisTitle("Validation cost, mean over seeds").build();
    // style
    Theme.legendOutside(Theme.apply(chart));
    chart.getStyler().setXAxisLogarithmic(true);
    // series
    boolean bothModes = runs.stringColumn("Batchnorm").unique().size() > 1;
    for (String configId : CostCurves.configIds(runs)) {
        Row first = runs.where(runs.stringColumn("Config Id").isEqualTo(configId)).row(0);
        int batchSize = first.getInt("Batch Size");
        Table h = CostCurves.mean(runs, checks, configId, "Validation Cost");
        XYSeries curve = chart.addSeries(first.getString("Batchnorm") + ", batch " + batchSize,
                h.numberColumn("Iteration").asDoubleArray(), h.numberColumn("Mean [Validation Cost]").asDoubleArray());
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Theme.batchSizeColor(batchSize));
        if (bothModes && first.getString("Batchnorm").equals("full")) {
            curve.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
    }
    return chart;
}
