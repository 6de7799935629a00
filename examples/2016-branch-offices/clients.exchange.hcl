# Office is on Microsoft 365 Apps and Office 2016; the warehouse kiosks still
# run Office 2010 SP1.

clients {
  outlook = ["365", "2016", "2010 SP1"]
}
