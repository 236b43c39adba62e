# trend.gp — one group's representation ratio in each consultation, by
# closing date, with its interval, the fitted trend, parity (1) and the
# target a review asks of every group (target, 0.8: the four-fifths line).
# The trend is a straight line in the log of the ratio, drawn on the ratio
# scale: exp(a + b (year - first)) from the first year fitted to the last.
#
# reach runs: gnuplot -e "data='FILE'; output='FILE'; term='svg'; rows=N; top=X; a=LOG_INTERCEPT; b=LOG_SLOPE; first=YEAR; last=YEAR; x0=YEAR; x1=YEAR; target=0.8" trend.gp
# Every value is set by reach itself: numbers, and file names it made.
# Data: tab-separated, one row per consultation shown (withheld counts are
# never written): year  ratio  lower  upper
if (term eq "svg") set terminal svg size 760, 360 dynamic font "sans,12"
if (term eq "png") set terminal pngcairo size 760, 360 font "sans,11"
set output output
set datafile separator "\t"
set border 3
set tics nomirror
set xrange [x0 - 0.5:x1 + 0.5]
set yrange [0:top]
set xlabel "closing date (year)"
set ylabel "representation ratio"
set key bottom right
set grid ytics lc rgb "#dddddd"
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb "#000000" dt 2
set arrow 2 from graph 0, first target to graph 1, first target nohead lw 1 lc rgb "#D55E00" dt 3
set label 1 "parity" at graph 0.01, first 1 offset 0, 0.6
set label 2 sprintf("%g", target) at graph 0.01, first target offset 0, -0.8 tc rgb "#D55E00"
set samples 200
fit_curve(x) = (x >= first && x <= last) ? exp(a + b * (x - first)) : 1/0
plot data using 1:2:3:4 with yerrorbars lw 2 pt 7 ps 1.2 lc rgb "#0072B2" title "ratio in each consultation", \
     (b == b ? fit_curve(x) : 1/0) with lines lw 2 lc rgb "#009E73" title "fitted trend"
