print("loopscope")
