#!/usr/bin/python3
"""with-policies.py CONFIG N: prints CONFIG with N policies added to <multihome>.

Policy i sends 10.(i/256).(i%256).0/24 through isp1 or isp2 (alternating), priority i+1:
one IPv4 rule each in the kernel.
"""
import sys

config, count = sys.argv[1], int(sys.argv[2])
policies = "".join(
    "<policy><name>p%d</name><priority>%d</priority>"
    "<match><destination-prefix>10.%d.%d.0/24</destination-prefix></match>"
    "<provider>isp%d</provider></policy>\n" % (i, i + 1, i // 256, i % 256, i % 2 + 1)
    for i in range(count))
text = open(config).read()
if "<management>" not in text:
    sys.exit("with-policies.py: %s has no <management> to put the policies before" % config)
sys.stdout.write(text.replace("<management>", policies + "    <management>", 1))
